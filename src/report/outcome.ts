import type { FileReport, Issue, ReportStandard, ValidationReport } from '../validator/issue.js';

/**
 * The root of the identifiers medcom-ig mints (docs/validator/README.md "Identifiers"): the OID
 * 2.25.227995022461602042809911389031612679623, made from UUID ab863e7c-e10d-480b-8b41-f15b3cba05c7 under the
 * arc ITU-T X.667 (ISO/IEC 9834-8) gives to UUIDs. The project owns no domain (docs/local-extensions.md), so an
 * https URL would be a placeholder or someone else's; an OID from a UUID we made is ours by construction, and FHIR
 * takes `urn:oid:` as a code system and extension URI. Below it: `.1` the rule code system, `.2.n` extensions.
 */
export const MEDCOM_IG_OID = '2.25.227995022461602042809911389031612679623';

/** The code system of our rule ids (`cardinality/min`) in OperationOutcome.issue.details.coding. */
export const RULES_SYSTEM = `urn:oid:${MEDCOM_IG_OID}.1`;

/**
 * What the file was validated against, on the OperationOutcome (a complex extension of ours; FHIR R4
 * has no element for it): `standard` (the `--ig` alias), `package` (`id#version`, repeated without
 * `--ig`: each package the profiles resolved to), `profile` (canonical|version of the Bundle
 * profile), `current` (whether the standard's current version was used).
 */
export const VALIDATED_AGAINST_URL = `urn:oid:${MEDCOM_IG_OID}.2.1`;

/**
 * On an OperationOutcome.issue that only follows from another one (a follow-on, `Issue.causedBy`): that
 * issue's id (valueString), the `id` of another issue of the same OperationOutcome. Every issue carries its
 * report id (`i3`) as its element id.
 */
export const CAUSED_BY_URL = `urn:oid:${MEDCOM_IG_OID}.2.2`;

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
    ...(i.id !== undefined ? { id: i.id } : {}),
    severity: i.severity,
    code: i.issueType,
    details: { coding: [{ system: RULES_SYSTEM, code: i.ruleId }], text: i.message },
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
  if (i.causedBy !== undefined) ext.push({ url: CAUSED_BY_URL, valueString: i.causedBy });
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
