/**
 * The canonical run model (`report.json`): everything the Markdown, HTML and JUnit renderings
 * show, with the protocol's text already in the report language. Issues map 1:1 onto
 * OperationOutcome.issue and GITB TAR report items (ruleId → assertionID, fhirpath → location).
 */
import type { Automation, Grade, Lang } from './model.js';
import type { EvidenceKind } from './evidence.js';
import type { SafeFileProblem } from '../util/fs-safe.js';

export type StepStatus = 'passed' | 'failed' | 'warning' | 'partial' | 'manual' | 'no-evidence' | 'not-relevant';
export type CheckOutcome = 'pass' | 'fail' | 'warning' | 'error';
export type SuggestedGrade = Grade | 'OK' | 'NOT_RELEVANT';

export interface VendorInfo {
  company?: string;
  address?: string;
  contactPerson?: string;
  telephone?: string;
  email?: string;
  system?: string;
  version?: string;
  description?: string;
  testType?: 'self-test' | 'final-test';
}

export interface RunIssue {
  file: string;
  severity: 'fatal' | 'error' | 'warning' | 'information';
  ruleId: string;
  constraintKey?: string;
  message: string;
  fhirpath: string;
  line?: number;
  column?: number;
}

export interface CheckFileResult {
  file: string;
  outcome: CheckOutcome;
  /** The FHIRPath result, or a short account of what was found. */
  actual?: string;
  /** Why the check could not be evaluated (outcome `error`). */
  error?: string;
}

export interface CheckResult {
  id: string;
  kind: 'validate' | 'fhirpath' | 'maxBytes' | 'business' | 'sequence';
  description: string;
  outcome: CheckOutcome;
  expression?: string;
  expected?: string;
  over?: 'each' | 'any';
  files: CheckFileResult[];
}

export interface StepResult {
  type: 'step';
  id: string;
  number: string;
  status: StepStatus;
  automation: Automation;
  optional: boolean;
  notRelevant: boolean;
  /** A mandatory step: in a mandatory, relevant use case (or a section without one), not optional. */
  mandatory: boolean;
  action: string;
  testDataHint: string;
  expectedResult: string;
  /** Evidence files for the step (the "Test data" column): its own, plus its section's where the checks read them. */
  evidence: string[];
  /** The automated outcome in one or two sentences (the "Actual result" column). */
  actualResult: string;
  checks: CheckResult[];
  issues: RunIssue[];
  captured: { name: string; value: string }[];
  /** The tool's suggestion, never MedCom's assessment. */
  suggestedGrade?: SuggestedGrade;
  /** Decided by our local business rules (medcom-ig's, not MedCom's standard). */
  local: boolean;
}

export interface GroupResult {
  type: 'group';
  text: string;
  notRelevant: boolean;
}

export interface SectionResult {
  number: string;
  title: string;
  purpose: string;
  useCase?: string;
  notRelevant: boolean;
  rows: (GroupResult | StepResult)[];
}

export interface ProtocolRunReport {
  schema: 'medcom-test-report/1';
  generator: { name: 'medcom-ig'; version: string };
  generatedAt?: string;
  lang: Lang;
  protocol: {
    id: string;
    title: string;
    direction: 'send' | 'receive';
    status: 'published' | 'draft';
    version: string;
    date: string;
    source: string;
    standard: {
      name: string;
      nameEn: string;
      nameDa: string;
      version: string;
      type: string;
      /** The version of the standard the protocol tests. */
      targets: string;
      /** The version the run validated against, and its package (`id#version`). */
      checkedVersion: string;
      checkedPackage: string;
      /** Why checkedVersion is not the version the protocol tests (`''` when it is). */
      checkedNote: string;
      profile: string;
      versionNote: string;
    };
    versioning: { version: string; initials: string; date: string; description: string[] }[];
    prerequisites: string[];
    evidenceNaming: string;
    useCaseSection: { number: string; title: string; purpose: string };
    useCases: { id: string; description: string; section: string; mandatory: 'M' | 'O' | ''; notRelevant: boolean }[];
  };
  vendor: VendorInfo;
  testType: 'self-test' | 'final-test';
  /** §2.3, completed by MedCom: always blank here. */
  testResult: { testDate: string; testLocation: string; approved: null; remarks: string; carriedOutBy: string };
  environment: { validator: string; profile: string; terminology: string };
  evidence: {
    dir: string;
    mappingFile?: string;
    /** The self-test archive for MedCom (`<Standard>_selftest.zip`): the evidence under `archiveName`, plus report.md. */
    archive: string;
    files: {
      file: string;
      kind: EvidenceKind;
      size: number;
      sha256: string;
      filedUnder: string[];
      by: ('naming' | 'mapping')[];
      archiveName: string;
    }[];
    /** Files filed under no step; `refused`: not read at all (outside the evidence folder, a special file …), with the problem. */
    unmatched: { file: string; reason: string; refused?: SafeFileProblem }[];
  };
  sections: SectionResult[];
  summary: {
    byStatus: Record<StepStatus, number>;
    /**
     * pass: every automatable step that ran passed and every mandatory one had evidence; manual: the
     * protocol has no automatable step (everything is for MedCom to assess).
     */
    verdict: 'pass' | 'fail' | 'incomplete' | 'manual';
    failedSteps: string[];
    /** Mandatory automatable steps without message evidence. */
    missingEvidence: string[];
    issues: { error: number; warning: number; information: number };
  };
}

export const STEP_STATUSES: StepStatus[] = ['passed', 'failed', 'warning', 'partial', 'manual', 'no-evidence', 'not-relevant'];
