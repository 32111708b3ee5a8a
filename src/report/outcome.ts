import type { FileReport, Issue, ReportStandard, ValidationReport } from '../validator/issue.js';

/**
 * What the file was validated against, on the OperationOutcome (a complex extension of ours; FHIR R4
 * has no element for it): `standard` (the `--ig` alias), `package` (`id#version`, repeated without
 * `--ig`: each package the profiles resolved to), `profile` (canonical|version of the Bundle
 * profile), `current` (whether the standard's current version was used).
 */
export const VALIDATED_AGAINST_URL = 'https://medcom-ig.dev/fhir/StructureDefinition/validated-against';

function validatedAgainst(file: FileReport, standard: ReportStandard | undefined): fhir4.Extension | undefined {
  const parts: fhir4.Extension[] = [];
  if (standard) {
    if (standard.alias) parts.push({ url: 'standard', valueString: standard.alias });
    parts.push({ url: 'package', valueString: `${standard.packageId}#${standard.version}` });
    if (standard.bundleProfile) parts.push({ url: 'profile', valueCanonical: standard.bundleProfile });
    if (standard.current !== undefined) parts.push({ url: 'current', valueBoolean: standard.current });
  } else {
    for (const p of file.packages ?? []) parts.push({ url: 'package', valueString: p });
  }
  return parts.length > 0 ? { url: VALIDATED_AGAINST_URL, extension: parts } : undefined;
}

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
export function toOperationOutcome(file: FileReport, standard?: ReportStandard): fhir4.OperationOutcome {
  const issue = file.issues.map(toIssue);
  if (issue.length === 0) issue.push({ severity: 'information', code: 'informational', diagnostics: 'No issues found' });
  const against = validatedAgainst(file, standard);
  return { resourceType: 'OperationOutcome', ...(against ? { extension: [against] } : {}), issue };
}

/** All files: one OperationOutcome, or a Bundle of them (collection) for several files. */
export function renderOutcome(report: ValidationReport): string {
  const outcomes = report.files.map((f) => toOperationOutcome(f, report.standard));
  if (outcomes.length === 1) return JSON.stringify(outcomes[0], null, 2) + '\n';
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: outcomes.map((o, k) => ({ fullUrl: `urn:medcom-ig:file:${encodeURIComponent(report.files[k]!.file)}`, resource: o })),
  };
  return JSON.stringify(bundle, null, 2) + '\n';
}
