import type { Definitions, Resolver } from '../defs/registry.js';
import type { LoadedResource } from '../defs/resource.js';
import type { FileReport } from './issue.js';
import { readJson } from './load/json.js';
import { InputError, ROOT_PATH, type SourceDoc } from './load/source.js';
import type { Locale } from './messages/index.js';
import { FhirModel } from './model.js';
import type { StructurePlan } from './plan/plan.js';
import { DecisionLog } from './terminology/decisions.js';
import { NoTerminology } from './terminology/none.js';
import type { TerminologyService } from './terminology/types.js';
import { UcumUnits } from './terminology/ucum.js';
import { IssueSink, type IssueCaps, type Json } from './context.js';
import { Walker } from './walk/validate.js';
import type { ContextResources } from './load/context.js';
import { Suppressions } from './suppress.js';
import { EXPORT_PURPOSES, selects, type ExportPurpose, type RuleSelection } from './rules/registry.js';
import type { BusinessPurpose } from './rules/business/context.js';
import { businessStandard, checkBusinessRules } from './rules/business/index.js';
import { unreadable } from './rules/input/unreadable.js';
import { requiredPlan } from './rules/profiles/unknown.js';
import { checkDuplicateProperties } from './rules/structure/duplicate-property.js';
import { checkXmlForm } from './rules/structure/xml-form.js';
import { checkCodings } from './rules/terminology/codings.js';

/** The report of a file that could not be read (rules/input/unreadable.ts). */
export { unreadable } from './rules/input/unreadable.js';

export interface ValidatorOptions {
  definitions: Definitions;
  /**
   * Resolve canonicals in the dependency scope of this profile's package first (the same url means
   * different things in different MedCom chains), then everywhere else.
   */
  scopeProfile?: string;
  /**
   * Resolve canonicals in this package's dependency scope first (`--ig <id>#<version>`: a package
   * pinned without a Bundle profile), then everywhere else; used when there is no scopeProfile.
   */
  scopePackage?: { id: string; version: string };
  /** A terminology service, or a factory given the (scoped) resolver the validator uses. */
  terminology?: TerminologyService | ((resolver: Resolver) => TerminologyService);
  locale?: Locale;
  /** Check the native invariants against fhirpath.js on every evaluation (tests). */
  crossCheckNatives?: boolean;
  /** Findings not to report, e.g. `cardinality/min@*.text` (see suppress.ts). */
  suppress?: readonly string[];
  /** Read XML (set by the XML loader module when available). */
  readXml?: (file: string, text: string, model: FhirModel) => SourceDoc;
  /**
   * Which rules to report: `official` (conformance to the profiles), `business` (src/validator/rules/business)
   * or `all` (the default). Unreadable input is reported whatever the selection.
   */
  rules?: RuleSelection;
  /**
   * What the documents are exported for (business layer only): `sharing` (the default) or `aktindsigt`
   * (an access request, where privately marked notes belong). docs/rules/business/README.md.
   */
  purpose?: ExportPurpose;
  /**
   * How many findings of one kind a report lists before counting the rest into one
   * `input/more-issues` finding (default DEFAULT_ISSUE_CAPS: 100 per element, 1,000 per file).
   */
  issueCaps?: Partial<IssueCaps>;
  /** UCUM decisions shared by every walk of this validator (give the same instance to the terminology service). */
  ucum?: UcumUnits;
  /** Resources references may resolve to outside the document (`--context`, src/standards/context.ts). */
  context?: ContextResources;
}

export interface ValidateOptions {
  /** Profiles the root resource must conform to (canonical urls, optionally |version). */
  profiles?: string[];
  /**
   * This document's purpose, instead of the validator's: an export purpose, or `record` (a record of
   * the note history that is not handed over: a sequence's mark-private step).
   */
  purpose?: BusinessPurpose;
}

/**
 * Validate FHIR resources and Bundles against StructureDefinitions: one Validator per set of
 * definitions; it compiles each profile into a plan once and reuses it for every file.
 */
export class Validator {
  readonly model: FhirModel;
  private readonly walker: Walker;
  private readonly locale: Locale;
  private readonly suppressions: Suppressions | undefined;
  /** Without a scope profile: one walker per package scope a document's meta.profile names. */
  private readonly scoped = new Map<string, Walker>();
  /** Each walker's terminology, which remembers the codes value sets decided (rules/terminology/codings.ts). */
  private readonly decisions = new Map<Walker, DecisionLog>();
  private readonly ucum: UcumUnits;

  constructor(private readonly options: ValidatorOptions) {
    this.ucum = options.ucum ?? new UcumUnits();
    if (options.purpose !== undefined && !EXPORT_PURPOSES.includes(options.purpose))
      throw new Error(`unknown purpose '${String(options.purpose)}'`);
    let resolver = options.definitions.all();
    if (options.scopeProfile) {
      const hit = resolver.resolve(options.scopeProfile, 'StructureDefinition');
      if (hit) resolver = options.definitions.preferring([{ id: hit.from.packageId, version: hit.from.packageVersion }]);
    } else if (options.scopePackage) {
      resolver = options.definitions.preferring([options.scopePackage]);
    }
    this.model = new FhirModel(resolver);
    this.locale = options.locale ?? 'en';
    this.suppressions = options.suppress && options.suppress.length > 0 ? new Suppressions(options.suppress) : undefined;
    this.walker = this.newWalker(resolver);
  }

  /** How often the lite FHIRPath evaluator and fhirpath.js answered an invariant, over all walkers. */
  fhirpathStats(): { lite: number; fhirpathJs: number } {
    const out = { lite: 0, fhirpathJs: 0 };
    for (const w of [this.walker, ...this.scoped.values()]) {
      out.lite += w.fhirpath.stats.lite;
      out.fhirpathJs += w.fhirpath.stats.fhirpathJs;
    }
    return out;
  }

  private newWalker(resolver: Resolver): Walker {
    const options = this.options;
    const terminology = new DecisionLog(
      typeof options.terminology === 'function' ? options.terminology(resolver) : (options.terminology ?? new NoTerminology()),
    );
    const walker = new Walker({
      resolver,
      model: this.model,
      terminology,
      locale: this.locale,
      ...(options.crossCheckNatives ? { crossCheckNatives: true } : {}),
      ...(this.suppressions ? { suppressions: this.suppressions } : {}),
      codeNotes: terminology,
      ucum: this.ucum,
      ...(options.context ? { context: options.context } : {}),
    });
    this.decisions.set(walker, terminology);
    return walker;
  }

  /**
   * The walker for a document: the scope profile's when the Validator has one; otherwise the scope of
   * the package that defines the root's first meta.profile, so that a Notes bundle validated without
   * `--ig` still sees MedCom Core 4.0.0 and Document 2.0.2, not the first-registered 2.4.0 and 1.0.1.
   * A meta.profile without `|version` that several versions of a package define is the newest
   * version's (Definitions.all()). When that profile is not one we hold, the first profile the
   * document is required to meet decides the scope instead (a CareCommunication message checked
   * against the messaging profile sees the messaging package's chain, not the newest of everything).
   */
  private walkerFor(root: Json | null | undefined, required: readonly string[] = []): Walker {
    if (this.options.scopeProfile || this.options.scopePackage) return this.walker;
    const meta = root?.['meta'] as Json | undefined;
    const first = Array.isArray(meta?.['profile'])
      ? (meta['profile'] as unknown[]).find((p): p is string => typeof p === 'string')
      : undefined;
    const held = (url: string | undefined): LoadedResource | undefined => {
      const hit = url === undefined ? undefined : this.options.definitions.all().resolve(url, 'StructureDefinition');
      return hit && this.options.definitions.getPackage(hit.from.packageId, hit.from.packageVersion) ? hit : undefined;
    };
    const hit = held(first) ?? held(required[0]);
    if (!hit) return this.walker;
    const key = `${hit.from.packageId}#${hit.from.packageVersion}`;
    let w = this.scoped.get(key);
    if (!w) {
      w = this.newWalker(this.options.definitions.preferring([{ id: hit.from.packageId, version: hit.from.packageVersion }]));
      this.scoped.set(key, w);
    }
    return w;
  }

  /** Parse and validate one file's text; input that cannot be read becomes an `input/unreadable` issue. */
  validateText(file: string, text: string, options: ValidateOptions = {}): FileReport {
    let doc: SourceDoc;
    try {
      doc = this.parse(file, text);
    } catch (e) {
      if (e instanceof InputError) return unreadable(file, e, this.locale);
      throw e;
    }
    return this.validateDoc(doc, options);
  }

  /** Read JSON or XML (decided by the first non-blank character). Throws InputError. */
  parse(file: string, text: string): SourceDoc {
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    if (trimmed.startsWith('<')) {
      if (!this.options.readXml) throw new InputError(file, 'XML input is not supported in this build');
      return this.options.readXml(file, text, this.model);
    }
    return readJson(file, text);
  }

  /** The rules this validator reports. */
  get rules(): RuleSelection {
    return this.options.rules ?? 'all';
  }

  /** What documents are exported for, unless a call says otherwise. */
  get purpose(): ExportPurpose {
    return this.options.purpose ?? 'sharing';
  }

  validateDoc(doc: SourceDoc, options: ValidateOptions = {}): FileReport {
    const sink = new IssueSink(doc, this.locale, false, this.suppressions, this.options.issueCaps);
    const walker = this.walkerFor(doc.value as Json | null, options.profiles);
    const root = doc.value as Json;
    const official = selects(this.rules, 'official');
    const decisions = this.decisions.get(walker);
    decisions?.reset();
    if (official) {
      this.validateOfficial(doc, options, sink, walker);
      // codes against their code systems, after the walk has asked the value sets about them (and
      // before the business rules, so that official findings never depend on them)
      if (decisions) {
        checkCodings({ root, sink, terminology: decisions, foundInValueSet: (system, code) => decisions.foundInValueSet(system, code) });
      }
    }
    if (selects(this.rules, 'business')) {
      // after the official walk, on the parsed document, in the scope of the document's standard
      const standard = businessStandard(root, options.profiles ?? []);
      // a DiagnosticReport file on its own is an exported report only when the run says what it is
      // exported for: validating MedCom's standalone example report is not sharing it
      const stated = options.purpose !== undefined || this.options.purpose !== undefined;
      if (standard && (standard !== 'hco-report' || stated)) {
        checkBusinessRules(standard, doc, {
          sink,
          terminology: walker.deps.terminology,
          resolver: walker.deps.resolver,
          purpose: options.purpose ?? this.purpose,
        });
      }
    }
    const profiles = official ? (options.profiles ?? []).filter((p) => walker.plans.get(p)).map((p) => walker.plans.get(p)!.url) : [];
    const meta = root?.['meta'] as Json | undefined;
    if (Array.isArray(meta?.['profile']))
      for (const p of meta['profile'] as unknown[]) if (typeof p === 'string' && !profiles.includes(p)) profiles.push(p);
    // in report order, then each with its id and (a follow-on) the id of its root cause
    const issues = sink.link(
      sink.issues.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0)),
    );
    const report: FileReport = {
      file: doc.file,
      valid: !issues.some((i) => i.severity === 'error' || i.severity === 'fatal'),
      profiles,
      issues,
    };
    const packages = profilePackages(profiles, walker.deps.resolver);
    if (packages.length > 0) report.packages = packages;
    if (sink.suppressed > 0) report.suppressed = sink.suppressed;
    if (sink.omitted > 0) report.omitted = sink.omitted;
    return report;
  }

  /** Conformance to the profiles: the walk, with what the reader noticed (duplicate properties, XML form). */
  private validateOfficial(doc: SourceDoc, options: ValidateOptions, sink: IssueSink, walker: Walker): void {
    checkDuplicateProperties(doc, sink);
    checkXmlForm(doc, sink);
    const required: StructurePlan[] = [];
    const root = doc.value as Json;
    const where = {
      jsonPath: ROOT_PATH,
      fhirPath: typeof root?.['resourceType'] === 'string' ? root['resourceType'] : '',
      resource: root,
      root,
    };
    for (const p of options.profiles ?? []) {
      const plan = requiredPlan(p, where, sink, walker.plans);
      if (plan) required.push(plan);
    }
    walker.withDocument(doc, () => walker.validateResource(doc.value, where, sink, required));
  }
}

/**
 * One file's `packages`: those (`id#version`) its profiles resolve to in the walker's scope, in order, each once.
 * A run's are these files' together (`resolvedPackages`, src/report/against.ts).
 */
function profilePackages(profiles: readonly string[], resolver: Resolver): string[] {
  const labels = profiles
    .map((p) => resolver.resolve(p, 'StructureDefinition')?.from)
    .map((f) => (f ? `${f.packageId}#${f.packageVersion}` : ''));
  return [...new Set(labels.filter((l) => l !== ''))];
}
