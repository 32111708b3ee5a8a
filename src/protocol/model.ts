/**
 * Test protocols as data: the definition MedCom publishes as a Word document (front matter,
 * use-case table, sections of numbered test steps), re-authored as JSON in `test-protocols/` and
 * checked against `test-protocols/protocol.schema.json` when loaded. Steps are keyed on stable
 * ids; the displayed number belongs to the protocol version. Where a machine can decide a step,
 * it carries `checks`: profile validation against the standard's Bundle profile plus FHIRPath
 * asserts, MedCom's own TestScript/ITB pattern.
 */
import type { IgAlias } from '../standards/igs.js';

export type Lang = 'en' | 'da';

/** MedCom's wording in English, and in Danish where there is one (falls back to English). */
export interface Text {
  en: string;
  da?: string;
}

export type Grade = 'F1' | 'F2' | 'F3' | 'F4';

export interface ProtocolDefinition {
  $schema?: string;
  schema: 'medcom-test-protocol/1';
  /** Stable id: `<standard>-<direction>`, e.g. `hco-send`. */
  id: string;
  direction: 'send' | 'receive';
  /** `published` (MedCom's document re-authored) or `draft` (ours, until MedCom publishes one). */
  status: 'published' | 'draft';
  /** First title line, e.g. "Test protocol for sending a". */
  title: Text;
  protocolVersion: string;
  /** ISO date of the protocol document. */
  protocolDate: string;
  /** Where the text comes from (MedCom's document, by name and version). */
  source: string;
  standard: StandardRef;
  versioning: VersionRow[];
  prerequisites: Text[];
  /** The naming rule for evidence files: `{standard}_{step}_{letter}.{ext}`. */
  evidenceNaming: { pattern: string; example: string };
  /** The heading the use-case table is printed under ("3.3 Test of requirements for content and flow/workflows"). */
  useCaseSection: { number: string; title: Text; purpose?: Text };
  useCases: UseCaseRow[];
  sections: SectionDef[];
}

export interface StandardRef {
  /** The name used in evidence file names, e.g. `HomeCareObservation`. */
  name: string;
  nameEn: string;
  nameDa: string;
  /** As the protocol prints it (`v.1.2.0`). */
  version: string;
  type: 'HL7 FHIR';
  kind: 'message' | 'document';
  /** The standard our checks validate against (`--ig` alias). */
  ig: IgAlias;
  /**
   * The version of the standard (a package version) the protocol tests: the run validates against
   * it when we build it, otherwise against the standard's current version and says so in the report
   * (src/protocol/version.ts).
   */
  targets: string;
  /** A note on the protocol and the standard (printed under the standard in the report). */
  versionNote?: string;
}

export interface VersionRow {
  version: string;
  initials: string;
  date: string;
  description: string[];
}

export interface UseCaseRow {
  id: string;
  description: Text;
  /** The section that tests it; absent: "NOT PART OF TEST PROTOCOL". */
  section?: string;
  /** Mandatory or optional in the standard; absent where the protocol's table has no such column (treated as mandatory). */
  mandatory?: 'M' | 'O';
  /** N/R in the production trial. */
  notRelevant?: boolean;
}

export interface SectionDef {
  number: string;
  title: Text;
  purpose?: Text;
  /** The use case this section tests (its id in `useCases`). */
  useCase?: string;
  notRelevant?: boolean;
  rows: RowDef[];
}

export type RowDef = GroupRowDef | StepDef;

/** A sub-heading row spanning the table ("E-CPR", "Use of terminology"); no number. */
export interface GroupRowDef {
  type: 'group';
  text: Text;
  notRelevant?: boolean;
}

export type Automation = 'automated' | 'assisted' | 'manual';

export interface StepDef {
  type: 'step';
  /** Stable id, survives renumbering: `hco-send.s1.patient`. */
  id: string;
  /** Displayed number in this protocol version: `3.3.1.1`. */
  number: string;
  optional?: boolean;
  notRelevant?: boolean;
  action: Text;
  testData?: Text;
  /** Empty in a few of MedCom's rows. */
  expectedResult?: Text;
  /**
   * automated: the checks decide the step; assisted: the checks decide what the message shows, a
   * person still has to see the rest demonstrated; manual: user interface, explanations.
   */
  automation: Automation;
  /**
   * Which evidence messages the checks run on: the step's own files (`step`, default), or every
   * message filed under any step of the section (`section`: one use case, one message).
   */
  input?: 'step' | 'section';
  /** Step ids this step refers to ("Complete the test steps 3.3.1.2–3.3.1.11"). */
  refersTo?: string[];
  checks?: CheckDef[];
  /**
   * Elements this step is about, as typed paths (`DiagnosticReport.status`, `Observation.value[x]`,
   * `PractitionerRole`): profile-validation findings on them (errors and warnings) are shown on the
   * step, and an error there fails it — the validator's finding, with its rule id, where the protocol
   * asks about the element.
   */
  attributes?: string[];
  /** Flow variables taken from this step's (first) message, for later steps as `%name`. */
  captures?: CaptureDef[];
  /** A policy hint for the suggested grade when the step fails; never MedCom's assessment. */
  suggestedOnFail?: Grade;
  /**
   * The step is ours: decided by medcom-ig's local business rules (our GP-note extensions and sharing model,
   * docs/local-extensions.md), not by MedCom's standard. Required on a step with `business` or `sequence`
   * checks, and shown as such in the report.
   */
  local?: boolean;
}

export type CheckDef = ValidateCheck | FhirPathCheck | MaxBytesCheck | BusinessCheck | SequenceCheck;

/** What a business-rule check expects of the findings: rule ids that must not be reported, and ones that must. */
export interface RuleExpectation {
  /** Business rule ids (`business/…`) none of the files may draw. */
  absent?: string[];
  /** Business rule ids that must be drawn (each at least once over the files). */
  present?: string[];
}

/**
 * Validate each message with the business rules (src/validator/rules/business; ours where they use our
 * local extensions) for `purpose` (default `sharing`) and compare the business findings with `absent` and
 * `present`. Local: the step must say `local: true`.
 */
export interface BusinessCheck extends RuleExpectation {
  kind: 'business';
  id: string;
  description: Text;
  purpose?: 'sharing' | 'aktindsigt';
}

/** One step of a sequence: an action on the messages filed under a protocol step (optionally only those of one letter). */
export interface SequenceItem {
  action: 'share' | 'mark-private' | 'withdraw' | 'replace' | 'access-export';
  /** The step id whose evidence the action is taken on. */
  step: string;
  /** Only the files of this letter (`Notes_3.5.4_B.json`); all the step's messages without it. */
  letter?: string;
}

/**
 * The messages of protocol steps taken as a sequence of uploads (`validate --sequence`, docs/rules/business/README.md):
 * each item's files checked with the action's purpose, then the sequence rules; all business findings compared with
 * `absent` and `present`. Local: the step must say `local: true`.
 */
export interface SequenceCheck extends RuleExpectation {
  kind: 'sequence';
  id: string;
  description: Text;
  sequence: SequenceItem[];
}

/** Validate the message against the standard's Bundle profile (TestScript `validateProfileId`). */
export interface ValidateCheck {
  kind: 'validate';
  id: string;
  description: Text;
}

/**
 * A FHIRPath assert on the Bundle (TestScript `expression`, with `operator` + `value` when given,
 * else the expression must be true). `over: any` passes when one of the step's messages passes
 * (e.g. "observation(s) with a comparator" across a use case's messages); `each` needs all.
 * Flow variables from earlier steps' `captures` are available as `%name`.
 */
export interface FhirPathCheck {
  kind: 'fhirpath';
  id: string;
  description: Text;
  expression: string;
  operator?: 'equals' | 'notEquals';
  value?: string;
  over?: 'each' | 'any';
  warningOnly?: boolean;
  /** Variables this check needs (captured by earlier steps). */
  uses?: string[];
}

/** The message file is at most `maxBytes` (MedCom's 100 MB message size limit). */
export interface MaxBytesCheck {
  kind: 'maxBytes';
  id: string;
  description: Text;
  maxBytes: number;
}

/**
 * A flow variable: the FHIRPath result on the step's first message, kept as plain JSON values
 * (a dateTime becomes its string: compare with `%name.toDateTime()`).
 */
export interface CaptureDef {
  name: string;
  expression: string;
  description: Text;
}

export function isStep(row: RowDef): row is StepDef {
  return row.type === 'step';
}

export function allSteps(protocol: ProtocolDefinition): { section: SectionDef; step: StepDef }[] {
  return protocol.sections.flatMap((section) => section.rows.filter(isStep).map((step) => ({ section, step })));
}

export function text(t: Text | undefined, lang: Lang): string {
  if (!t) return '';
  return lang === 'da' && t.da !== undefined ? t.da : t.en;
}
