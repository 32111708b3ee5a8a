import type { Locale } from './messages/index.js';
import type { ExportPurpose, RuleId, RuleLayer, RuleSelection, Severity } from './rules/registry.js';

/** One finding. Maps 1:1 to an OperationOutcome.issue and to a MedCom ITB report item. */
export interface Issue {
  /** Unique within its file's report (`i1`, `i2`, … in report order); what `causedBy` points at. */
  id?: string;
  /**
   * The `id` of the issue this one only follows from (a reference whose target fails its profile because of an
   * error already reported in the target, a slice's min failing because an item's discriminator value is wrong, …):
   * a follow-on. Absent: a root issue. Decided by the engine, never from message text.
   */
  causedBy?: string;
  ruleId: RuleId;
  severity: Severity;
  /** `official` (profile conformance) or `business` (rules beyond the profiles, src/validator/rules/business). */
  layer: RuleLayer;
  issueType: string;
  params: Record<string, string | number>;
  /** Rendered in the run's locale. */
  message: string;
  location: {
    /** FHIRPath of the element (`Bundle.entry[2].resource.code.coding[0]`). */
    fhirpath: string;
    file: string;
    line?: number;
    column?: number;
  };
  /** The profile element that produced the finding. */
  profile?: { url: string; version?: string; elementId?: string };
  /** For invariants: the constraint key (`cpr`, `bdl-7`). */
  constraintKey?: string;
}

export interface FileReport {
  file: string;
  valid: boolean;
  /** The profiles the root resource was validated against. */
  profiles: string[];
  /**
   * The packages (`id#version`) those profiles resolved to: with several versions of a package built,
   * a profile named without `|version` is the newest version's unless the run pins one (`--ig`).
   */
  packages?: string[];
  issues: Issue[];
  /** How many findings the run's suppressions dropped (absent: none). */
  suppressed?: number;
  /**
   * How many findings are not listed but counted in `input/more-issues` findings (absent: none);
   * each of those states how many of its kind it stands for.
   */
  omitted?: number;
}

export interface ValidationReport {
  tool: { name: 'medcom-ig'; version: string };
  locale: Locale;
  /** Which rules the run reported (`--rules`); absent in reports made before the business layer: official. */
  rules?: RuleSelection;
  /** What the files were checked as exported for (`--purpose`; business rules only, so absent with `--rules official`). */
  purpose?: ExportPurpose;
  /**
   * What the run validated against (`--ig`): a standard at one version, or a package pinned by
   * `id#version`. Absent: no `--ig`; each file's `packages` say where its profiles resolved.
   */
  standard?: ReportStandard;
  /** A sequence run (`--sequence`): the manifest and its steps, in order. */
  sequence?: SequenceSummary;
  files: FileReport[];
  summary: {
    files: number;
    valid: number;
    errors: number;
    warnings: number;
    information: number;
    suppressed?: number;
    /** Findings not listed but counted in `input/more-issues` findings (absent: none); not in the counts above. */
    omitted?: number;
    /**
     * Of the counts above, the follow-ons: issues whose `causedBy` names another issue of their file, folded
     * under their root in text, html and md reports. Absent when there are none (every issue a root).
     */
    followOns?: { errors: number; warnings: number; information: number };
    /** The errors that follow from no other issue (`errors` − `followOns.errors`); present with `followOns`. */
    rootErrors?: number;
    /** Of the counts above, those from business rules (when the run reported business rules). */
    business?: { errors: number; warnings: number; information: number };
  };
}

/** The standard and version a run validated against (ValidationReport.standard). */
export interface ReportStandard {
  /** The standard's `--ig` alias (absent for a package pinned by id#version). */
  alias?: string;
  title?: string;
  packageId: string;
  version: string;
  /** The standard's Bundle profile (absent for a pinned package). */
  bundleProfile?: string;
  /** Whether this is the standard's current version. */
  current?: boolean;
  /** Whether the run named the version (`hco@1.1.0-trial-use`, `id#version`) rather than taking the current one. */
  pinned: boolean;
}

/** The steps of a sequence run, as the manifest lists them (files resolved against the manifest's folder). */
export interface SequenceSummary {
  manifest: string;
  steps: { step: number; action: string; purpose: string; files: string[] }[];
}

export const SEVERITY_RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2, fatal: 3 };

/** Counts by severity (fatal counts as an error): the report summary's, its follow-ons', every renderer's. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
}

/** Which count a severity goes to: fatal with the errors. */
export function severityKind(severity: Severity): keyof SeverityCounts {
  return severity === 'error' || severity === 'fatal' ? 'errors' : severity === 'warning' ? 'warnings' : 'information';
}

/** Issues (a report's, a protocol run's, a TestScript assert's) counted by severity, fatal as an error. */
export function countBySeverity(issues: readonly { severity: Severity }[]): SeverityCounts {
  const c: SeverityCounts = { errors: 0, warnings: 0, information: 0 };
  for (const i of issues) c[severityKind(i.severity)]++;
  return c;
}

/**
 * Give a file's issues their ids again after the list changed (an issue put in front): `i1`, `i2`, … in
 * the list's order, with each `causedBy` following its cause to the cause's new id.
 */
export function renumberIssues(issues: readonly Issue[]): Issue[] {
  const ids = new Map<string, string>();
  issues.forEach((issue, n) => {
    if (issue.id !== undefined) ids.set(issue.id, `i${n + 1}`);
  });
  return issues.map((issue, n) => {
    const { id: _id, causedBy, ...rest } = issue;
    const cause = causedBy === undefined ? undefined : ids.get(causedBy);
    return cause === undefined ? { id: `i${n + 1}`, ...rest } : { id: `i${n + 1}`, causedBy: cause, ...rest };
  });
}
