/**
 * The intermediate representation between the authoring DSL and the compiler: plain data only.
 * Every node carries the source location of the TypeScript that produced it, so compiler
 * diagnostics can point at `profiles/**.ts` lines.
 */

export interface SourceInfo {
  file: string;
  line: number;
  column: number;
  /** The element key (FSH-style path) the rule came from, when it came from one. */
  key?: string;
}

export type Severity = 'error' | 'warning';

export interface TypeRefIR {
  /** FHIR type code, e.g. `Identifier`, `Reference`, `dateTime`. */
  code: string;
  /** Type profiles (canonical urls, possibly `|version`). */
  profile?: string[];
  /** Reference/canonical target profiles. */
  targetProfile?: string[];
  aggregation?: ('contained' | 'referenced' | 'bundled')[];
}

export interface BindingIR {
  strength: 'required' | 'extensible' | 'preferred' | 'example';
  valueSet?: string;
  description?: string;
}

export interface DiscriminatorIR {
  type: 'value' | 'exists' | 'pattern' | 'type' | 'profile';
  path: string;
}

export interface SlicingIR {
  discriminator: DiscriminatorIR[];
  rules: 'open' | 'closed' | 'openAtEnd';
  ordered?: boolean;
  description?: string;
}

/** An invariant with the examples that prove it behaves (evaluated at build time). */
export interface InvariantIR {
  key: string;
  severity: Severity;
  human: string;
  expression: string;
  xpath?: string;
  requirements?: string;
  /** Canonical of the StructureDefinition that defines it; filled in by the compiler when absent. */
  source?: string;
  examples?: {
    /** Values the expression is evaluated on (as the focus), each must give `true`. */
    pass: unknown[];
    /** Values on which the expression must give `false`. */
    fail: unknown[];
    /** FHIR type of the example focus (defaults to the element type it is attached to). */
    focusType?: string;
  };
  /** A published invariant that cannot fail, reproduced on purpose; `shouldFail` documents what slips through. */
  quirk?: { neverFails: string; shouldFail: unknown[] };
  /** Where the invariant was defined. */
  sourceInfo: SourceInfo;
  /** Replaces an inherited invariant of the same key (a differential's, as the HL7 snapshot generator merges them). */
  replaces?: boolean;
}

/** A value assigned with fixed[x] or pattern[x]; the [x] suffix is decided from the element type. */
export interface ValueIR {
  value: unknown;
  /** Explicit FHIR type of the value (`Code`, `Uri`, `CodeableConcept` …) when the element has several. */
  type?: string;
}

/** One rule on one element, addressed with an FSH-style path (`code.coding[ICPC2code].code`). */
export interface ElementRuleIR {
  path: string;
  source: SourceInfo;
  min?: number;
  max?: string;
  mustSupport?: boolean;
  isModifier?: boolean;
  isModifierReason?: string;
  isSummary?: boolean;
  types?: TypeRefIR[];
  fixed?: ValueIR;
  pattern?: ValueIR;
  binding?: BindingIR;
  slicing?: SlicingIR;
  /** Slices this rule creates on the element (in order). */
  contains?: { name: string; profile?: string }[];
  constraints?: InvariantIR[];
  maxLength?: number;
  short?: string;
  definition?: string;
  comment?: string;
  requirements?: string;
  alias?: string[];
  condition?: string[];
  /** Mapping-free extra ElementDefinition fields (`^` caret rules in FSH terms). */
  extra?: Record<string, unknown>;
}

export interface CanonicalRefIR {
  url: string;
  version?: string;
}

export interface StructureDefinitionIR {
  resourceType: 'StructureDefinition';
  kind: 'profile' | 'extension';
  id: string;
  url: string;
  version: string;
  name: string;
  title?: string;
  description?: string;
  purpose?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  experimental?: boolean;
  parent: CanonicalRefIR;
  /** Extension contexts (extensions only). */
  context?: { type: 'element' | 'extension' | 'fhirpath'; expression: string }[];
  rules: ElementRuleIR[];
  /** Extra StructureDefinition-level fields (publisher, jurisdiction …). */
  extra?: Record<string, unknown>;
  source: SourceInfo;
}

export interface ConceptIR {
  code: string;
  display?: string;
  definition?: string;
  designation?: { language?: string; use?: { system?: string; version?: string; code?: string; display?: string }; value: string }[];
  property?: {
    code: string;
    valueCode?: string;
    valueString?: string;
    valueBoolean?: boolean;
    valueDateTime?: string;
    valueInteger?: number;
    valueDecimal?: number;
    valueCoding?: unknown;
  }[];
  concept?: ConceptIR[];
}

export interface CodeSystemIR {
  resourceType: 'CodeSystem';
  id: string;
  url: string;
  version: string;
  name: string;
  title?: string;
  description?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  experimental?: boolean;
  content: 'complete' | 'fragment' | 'example' | 'supplement' | 'not-present';
  caseSensitive?: boolean;
  supplements?: string;
  valueSet?: string;
  hierarchyMeaning?: string;
  identifier?: { system?: string; value: string }[];
  property?: { code: string; uri?: string; description?: string; type: string }[];
  concept: ConceptIR[];
  extra?: Record<string, unknown>;
  source: SourceInfo;
}

export interface ValueSetIncludeIR {
  system?: string;
  version?: string;
  concept?: { code: string; display?: string; designation?: ConceptIR['designation'] }[];
  filter?: { property: string; op: string; value: string }[];
  valueSet?: string[];
}

export interface ValueSetIR {
  resourceType: 'ValueSet';
  id: string;
  url: string;
  version: string;
  name: string;
  title?: string;
  description?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  experimental?: boolean;
  identifier?: { system?: string; value: string }[];
  compose: { include: ValueSetIncludeIR[]; exclude?: ValueSetIncludeIR[] };
  extra?: Record<string, unknown>;
  source: SourceInfo;
}

/** Any non-terminology, non-profile resource that a package ships as is (examples, NamingSystems…). */
export interface InstanceIR {
  resourceType: 'Instance';
  resource: { resourceType: string; id: string; [key: string]: unknown };
  /** `example` instances go to `package/example/`. */
  usage: 'example' | 'definition';
  source: SourceInfo;
}

export type ResourceIR = StructureDefinitionIR | CodeSystemIR | ValueSetIR | InstanceIR;

export interface PackageIR {
  id: string;
  version: string;
  canonical: string;
  name: string;
  title: string;
  description?: string;
  fhirVersion: '4.0.1';
  /** FHIR package dependencies (id → version), as the published package.json lists them. */
  dependencies: Record<string, string>;
  /** What this re-authoring covers (the whole package or the parts a chain uses). */
  coverage: 'complete' | 'partial';
  coverageNote?: string;
  resources: ResourceIR[];
  /** Which generation of FHIR snapshot-generator behaviour the published snapshots follow. */
  snapshotRules: 'publisher-2024' | 'publisher-2025' | 'publisher-2025-09' | 'publisher-2025-12' | 'publisher-2026';
  /** Pin inherited canonicals of packages present in several versions in the closure (IG Publisher `pin-multiples`). */
  pinInheritedCanonicals?: boolean;
  /** Canonicals the publisher pinned in every snapshot (its `pin-canonicals` parameter): url → version. */
  snapshotPins?: Record<string, string>;
  /** Fields every conformance resource of the package carries (publisher, contact, jurisdiction…). */
  defaults: Record<string, unknown>;
  /** Extra package.json fields. */
  extra?: Record<string, unknown>;
  /**
   * Packages the IG Publisher provides without a declared dependency (cross-version extensions,
   * which it synthesizes from the other FHIR version): resolvable while compiling this package,
   * compiled on demand, never listed in its package.json.
   */
  implicit?: PackageIR[];
  source: SourceInfo;
}
