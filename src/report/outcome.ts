import type { FileReport, Issue, ValidationReport } from '../validator/issue.js';

function toIssue(i: Issue): fhir4.OperationOutcomeIssue {
  const out: fhir4.OperationOutcomeIssue = {
    severity: i.severity,
    code: i.issueType,
    details: { coding: [{ system: 'https://medcom-ig.dev/rules', code: i.ruleId }], text: i.message },
    diagnostics: i.message,
  };
  if (i.location.fhirpath) out.expression = [i.location.fhirpath];
  const ext: fhir4.Extension[] = [];
  if (i.location.line !== undefined)
    ext.push({ url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line', valueInteger: i.location.line });
  if (i.location.column !== undefined)
    ext.push({ url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col', valueInteger: i.location.column });
  if (i.profile)
    ext.push({
      url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-source',
      valueString: `${i.profile.url}${i.profile.elementId ? '#' + i.profile.elementId : ''}`,
    });
  if (ext.length) out.extension = ext;
  return out;
}

/** A FHIR OperationOutcome for one file (an empty outcome says "all ok" with an information issue). */
export function toOperationOutcome(file: FileReport): fhir4.OperationOutcome {
  const issue = file.issues.map(toIssue);
  if (issue.length === 0) issue.push({ severity: 'information', code: 'informational', diagnostics: 'No issues found' });
  return { resourceType: 'OperationOutcome', issue };
}

/** All files: one OperationOutcome, or a Bundle of them (collection) for several files. */
export function renderOutcome(report: ValidationReport): string {
  const outcomes = report.files.map(toOperationOutcome);
  if (outcomes.length === 1) return JSON.stringify(outcomes[0], null, 2) + '\n';
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: outcomes.map((o, k) => ({ fullUrl: `urn:medcom-ig:file:${encodeURIComponent(report.files[k]!.file)}`, resource: o })),
  };
  return JSON.stringify(bundle, null, 2) + '\n';
}
