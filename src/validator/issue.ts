import type { Locale } from './messages/index.js';
import type { ExportPurpose, RuleId, RuleLayer, RuleSelection, Severity } from './rules/registry.js';

/** One finding. Maps 1:1 to an OperationOutcome.issue and to a MedCom ITB report item. */
export interface Issue {
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
    /** Of the counts above, those from business rules (when the run reported business rules). */
    business?: { errors: number; warnings: number; information: number };
  };
}

/** The steps of a sequence run, as the manifest lists them (files resolved against the manifest's folder). */
export interface SequenceSummary {
  manifest: string;
  steps: { step: number; action: string; purpose: string; files: string[] }[];
}

export const SEVERITY_RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2, fatal: 3 };
