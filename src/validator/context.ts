import { extendPath, pathSteps, type JsonPath, type SourceDoc } from './load/source.js';
import type { BundleEntries } from '../fhir/references.js';
import type { FhirPathRunner } from '../fhirpath/runner.js';
import type { Issue } from './issue.js';
import type { Suppressions } from './suppress.js';
import type { Locale } from './messages/index.js';
import { renderMessage } from './messages/index.js';
import type { IssueParams, ParamsOf } from './messages/params.js';
import type { FhirModel } from './model.js';
import { RULES, type RuleId, type Severity } from './rules/registry.js';
import type { ElementPlan, PlanCache, StructurePlan } from './plan/plan.js';
import type { TerminologyService } from './terminology/types.js';
import { DEFAULT_ISSUE_CAPS, MoreIssues, type IssueCaps } from './rules/input/more-issues.js';
import { RESTATEMENTS, type Restatement } from './rules/follow-ons.js';
import type { NativeInvariant } from './rules/invariants/native.js';
import type { SlicingMemo } from './rules/slicing/memo.js';

export { DEFAULT_ISSUE_CAPS, type IssueCaps } from './rules/input/more-issues.js';

export type Json = Record<string, unknown>;

/** A Bundle's entries indexed for resolution (src/fhir/references.ts), and where the Bundle is. */
export interface BundleIndex extends BundleEntries {
  /** Where the Bundle itself is in the document. */
  jsonPath: JsonPath;
  fhirPath: string;
  type: string | undefined;
}

/** Where the walk is: positions for locating, FHIRPath for reporting, resources for FHIRPath variables. */
export interface Where {
  jsonPath: JsonPath;
  fhirPath: string;
  /** The resource the element belongs to (%resource). */
  resource: Json;
  /** The outermost resource (%rootResource), e.g. the Bundle. */
  root: Json;
  bundle?: BundleIndex;
  /** fullUrl of the entry the resource is in, for relative references. */
  entryFullUrl?: string;
  /** The resource `resource` is contained in, when it is a contained resource (`#id` references resolve there). */
  container?: Json;
}

// a primitive's extension twin: `_` and an element name (letters and digits)
const TWIN_NAME = /^_[A-Za-z][A-Za-z0-9]*$/;
// a FHIRPath identifier (`__proto__` is one)
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A JSON property as a FHIRPath step: a primitive's extension twin `_name` as `name` (the place of
 * the element it extends); any other identifier as it is (`__proto__` stays `__proto__`); a key
 * that is no identifier (`a b`, a dot, a control character) as a delimited identifier with the
 * FHIRPath escapes (`` `a b` ``), so that it reads as the one key it is.
 */
export function fhirPathName(key: string): string {
  if (TWIN_NAME.test(key)) return key.slice(1);
  if (IDENTIFIER.test(key)) return key;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return `\`${key.replace(/[\\`]/g, (c) => `\\${c}`).replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\``;
}

export function child(w: Where, key: string, index?: number): Where {
  const named: JsonPath = { up: w.jsonPath, step: key, length: w.jsonPath.length + 1 };
  const jsonPath: JsonPath = index === undefined ? named : { up: named, step: index, length: named.length + 1 };
  const name = fhirPathName(key);
  const fhirPath = index === undefined ? `${w.fhirPath}.${name}` : `${w.fhirPath}.${name}[${index}]`;
  const out: Where = { jsonPath, fhirPath, resource: w.resource, root: w.root };
  if (w.bundle !== undefined) out.bundle = w.bundle;
  if (w.entryFullUrl !== undefined) out.entryFullUrl = w.entryFullUrl;
  if (w.container !== undefined) out.container = w.container;
  return out;
}

/** `where`, one or more steps further down (for issues about a child the walk does not visit). */
export function below(
  where: Pick<Where, 'jsonPath' | 'fhirPath'>,
  fhirPath: string,
  ...steps: (string | number)[]
): Pick<Where, 'jsonPath' | 'fhirPath'> {
  return { jsonPath: extendPath(where.jsonPath, ...steps), fhirPath };
}

export interface ReportOptions {
  severity?: Severity;
  node?: ElementPlan;
  constraintKey?: string;
  /**
   * What this finding only follows from (it is then a follow-on, `Issue.causedBy`): keys of other findings
   * (`findingKey`, `placeKey`, or an `alias`), tried in order; the first one the file's report lists is the
   * cause. None listed (suppressed, counted into `input/more-issues`, never reported): a root.
   */
  causes?: readonly string[];
  /** A further key this finding can be named by in another finding's `causes` (the first finding listed under it keeps it). */
  alias?: string;
  /**
   * Findings this one is the cause of, as `underKey`s: a finding of one of those rules at or below that place that
   * names no cause of its own follows from this one (an item in the wrong slice: the pattern its value misses).
   */
  claims?: readonly string[];
}

/** A finding's identity (rule, place, constraint, content): what the sink reports once, and a `causes` key. */
export function findingKey(ruleId: RuleId, fhirPath: string, params: IssueParams, constraintKey?: string): string {
  // the same cardinality broken by the base type's definition and by the profile's (`element` differs) is one finding
  const { element: _definedBy, ...identity } = params;
  return `${ruleId}|${fhirPath}|${constraintKey ?? ''}|${JSON.stringify(identity)}`;
}

/** A `causes` key for the first finding of rule `ruleId` at `fhirPath` (of that constraint, when given; whatever its content). */
export function placeKey(ruleId: RuleId, fhirPath: string, constraintKey?: string): string {
  return constraintKey === undefined ? `${ruleId}@${fhirPath}` : `${ruleId}@${fhirPath}#${constraintKey}`;
}

/** A `causes` key for the first error about a code not in value set `url` (its `valueSet` param; with or without `|version`). */
export function valueSetKey(url: string): string {
  return `valueSet ${url.split('|')[0]!}`;
}

/** A `causes` key for the first error about a code not in a value set at an element named `name` (`activity`, `code`). */
export function boundKey(name: string): string {
  return `bound ${name}`;
}

/** A `causes` key for the first finding of any of `ruleIds` at `fhirPath` or below it (`fhirPath.x`, `fhirPath[0]`). */
export function underKey(ruleIds: readonly RuleId[], fhirPath: string): string {
  return `${ruleIds.join(',')}<${fhirPath}`;
}

/** Collects the issues of one validation (or of a silent conformance probe). */
export class IssueSink {
  private readonly list: Issue[] = [];
  /** Findings dropped by the run's suppressions (counted, never silently lost). */
  suppressed = 0;
  private readonly seen = new Set<string>();
  /** The listed findings by key, and the causes of follow-ons, for `link`. */
  private readonly links = new Links();
  /** The report's caps (rules/input/more-issues.ts); none for a silent probe. */
  private readonly more: MoreIssues | undefined;

  constructor(
    private readonly doc: SourceDoc | undefined,
    private readonly locale: Locale,
    readonly silent = false,
    readonly suppressions?: Suppressions,
    caps?: Partial<IssueCaps>,
  ) {
    this.more = silent
      ? undefined
      : new MoreIssues({ ...DEFAULT_ISSUE_CAPS, ...caps }, locale, {
          issueFor: (ruleId, severity, where, params) => this.issue(ruleId, severity, where, params, {}),
          list: (issue) => {
            this.list.push(issue);
          },
        });
  }

  /** Findings counted into an `input/more-issues` finding instead of being listed. */
  get omitted(): number {
    return this.more?.omitted ?? 0;
  }

  /** The findings, in the order reported; `input/more-issues` findings carry their final counts. */
  get issues(): Issue[] {
    this.more?.settle();
    return this.list;
  }

  /**
   * Report a finding of rule `ruleId` at `where`. `params` are those its message names (a missing or
   * misspelt one fails tsc: messages/params.ts).
   */
  report<R extends RuleId>(ruleId: R, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: ParamsOf<R>, options: ReportOptions = {}): void {
    this.add(ruleId, where, params, options);
  }

  /** A finding whose params were checked where it was reported (a replay of recorded findings). */
  add(ruleId: RuleId, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: IssueParams, options: ReportOptions): void {
    const rule = RULES[ruleId];
    const severity = options.severity ?? rule.severity;
    // one finding per rule, place and content: the same cardinality broken by the base type's
    // definition and by the profile's (`element` differs) is reported once, by the first
    const key = findingKey(ruleId, where.fhirPath, params, options.constraintKey);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.suppressions?.matches(ruleId, where.fhirPath)) {
      this.suppressed++;
      return;
    }
    if (this.more?.overflowed(ruleId, severity, where)) return;
    const issue = this.issue(ruleId, severity, where, params, options);
    this.list.push(issue);
    this.links.listed(issue, key, ruleId, where.fhirPath, options);
  }

  /**
   * The file's issues in report order (`issues`, sorted), each with its `id` (`i1`, `i2`, …) and, for a
   * follow-on, `causedBy`: the id of its root (a chain of follow-ons is folded onto the root it starts from).
   */
  link(issues: readonly Issue[]): Issue[] {
    return this.links.link(issues);
  }

  private issue(
    ruleId: RuleId,
    severity: Severity,
    where: Pick<Where, 'jsonPath' | 'fhirPath'>,
    params: IssueParams,
    options: ReportOptions,
  ): Issue {
    const rule = RULES[ruleId];
    const message = renderMessage(ruleId, params, this.locale);
    const issue: Issue = {
      ruleId,
      severity,
      layer: rule.layer,
      issueType: rule.issueType,
      params,
      message,
      location: { fhirpath: where.fhirPath, file: this.doc?.file ?? '' },
    };
    if (!this.silent && this.doc) {
      const pos = this.doc.locate(pathSteps(where.jsonPath));
      if (pos) {
        issue.location.line = pos.line;
        issue.location.column = pos.column;
      }
    }
    if (options.node) {
      issue.profile = { url: options.node.structure.url, elementId: options.node.id };
      if (options.node.structure.version !== undefined) issue.profile.version = options.node.structure.version;
    }
    if (options.constraintKey !== undefined) issue.constraintKey = options.constraintKey;
    return issue;
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error' || i.severity === 'fatal');
  }
}

/**
 * Root causes and follow-ons of one file's findings: each listed finding is known by its keys (`findingKey`,
 * `placeKey`, `underKey` of its ancestors for the rules asked about, an `alias`); a follow-on's `causes` are
 * looked up when the report is final (a cause may be listed after its follow-on: a reference's target comes
 * later in the Bundle). Linear in the number of findings.
 */
class Links {
  private readonly byKey = new Map<string, Issue>();
  private readonly causes = new Map<Issue, readonly string[]>();
  /** The `underKey` rule sets asked for, and the findings of those rules by the places above them. */
  private readonly underRules = new Set<string>();

  /** Claimed places (`ReportOptions.claims`): the rules claimed there and the claiming finding. */
  private readonly claims = new Map<string, { rules: Set<string>; by: Issue }[]>();

  listed(issue: Issue, key: string, ruleId: RuleId, fhirPath: string, options: ReportOptions): void {
    for (const c of options.claims ?? []) {
      const at = c.indexOf('<');
      const place = c.slice(at + 1);
      const list = this.claims.get(place) ?? [];
      list.push({ rules: new Set(c.slice(0, at).split(',')), by: issue });
      this.claims.set(place, list);
    }
    this.keep(key, issue);
    this.keep(placeKey(ruleId, fhirPath), issue);
    if (options.constraintKey !== undefined) this.keep(placeKey(ruleId, fhirPath, options.constraintKey), issue);
    if (options.alias !== undefined) this.keep(options.alias, issue);
    const vs = issue.params['valueSet'];
    if (typeof vs === 'string' && (issue.severity === 'error' || issue.severity === 'fatal')) {
      this.keep(valueSetKey(vs), issue);
      this.keep(boundKey(fhirPath.slice(fhirPath.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '')), issue);
    }
    if (options.causes && options.causes.length > 0) {
      this.causes.set(issue, options.causes);
      for (const c of options.causes) {
        const at = c.indexOf('<');
        if (at > 0 && !c.includes('|')) this.underRules.add(c.slice(0, at));
      }
    }
  }

  private keep(key: string, issue: Issue): void {
    if (!this.byKey.has(key)) this.byKey.set(key, issue);
  }

  /** Register the findings of the `underKey` rule sets under every place above them (their ancestors). */
  private indexUnder(issues: readonly Issue[]): void {
    if (this.underRules.size === 0) return;
    const sets = [...this.underRules].map((s) => ({ s, rules: new Set(s.split(',')) }));
    for (const issue of issues) {
      for (const { s, rules } of sets) {
        if (!rules.has(issue.ruleId)) continue;
        let path = issue.location.fhirpath;
        this.keep(`${s}<${path}`, issue);
        for (;;) {
          const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
          if (cut <= 0) break;
          path = path.slice(0, cut);
          this.keep(`${s}<${path}`, issue);
        }
      }
    }
  }

  link(issues: readonly Issue[]): Issue[] {
    this.indexUnder(issues);
    const ids = new Map<Issue, string>();
    issues.forEach((issue, n) => ids.set(issue, `i${n + 1}`));
    const listed = (key: string, issue: Issue): Issue | undefined => {
      const hit = this.byKey.get(key);
      return hit && hit !== issue && ids.has(hit) ? hit : undefined;
    };
    const restatedHit = (r: Restatement, issue: Issue): Issue | undefined => {
      const at = r.at;
      if (at === 'under') return undefined;
      const path = restatedAt(issue.location.fhirpath, at);
      const hit = path === undefined ? undefined : listed(placeKey(r.from, path, r.fromKey), issue);
      return hit && restates(r, hit) ? hit : undefined;
    };
    // `under` restatements: the first finding each restates, by every place at or above it (built when first asked)
    const under = new Map<Restatement, Map<string, Issue>>();
    const restatedUnder = (r: Restatement, issue: Issue): Issue | undefined => {
      let byPlace = under.get(r);
      if (!byPlace) {
        byPlace = new Map();
        for (const i of issues) {
          if (i.ruleId !== r.from || (r.fromKey !== undefined && i.constraintKey !== r.fromKey) || !restates(r, i)) continue;
          for (let path = i.location.fhirpath; ;) {
            if (!byPlace.has(path)) byPlace.set(path, i);
            const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) break;
            path = path.slice(0, cut);
          }
        }
        under.set(r, byPlace);
      }
      const hit = byPlace.get(issue.location.fhirpath);
      return hit && hit !== issue ? hit : undefined;
    };
    const cause = (issue: Issue): Issue | undefined => {
      for (const c of this.causes.get(issue) ?? []) {
        const hit = listed(c, issue);
        if (hit) return hit;
      }
      // a finding that restates another at a related place (rules/follow-ons.ts)
      for (const r of RESTATEMENTS) {
        if (r.follows !== issue.ruleId || (r.followsKey !== undefined && r.followsKey !== issue.constraintKey)) continue;
        const hit = r.at === 'under' ? restatedUnder(r, issue) : restatedHit(r, issue);
        if (hit) return hit;
      }
      // a finding claimed by one at or above its place
      if (this.claims.size > 0) {
        let path = issue.location.fhirpath;
        for (;;) {
          const hit = this.claims.get(path)?.find((c) => c.by !== issue && ids.has(c.by) && c.rules.has(issue.ruleId));
          if (hit) return hit.by;
          const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
          if (cut <= 0) break;
          path = path.slice(0, cut);
        }
      }
      return undefined;
    };
    const roots = new Map<Issue, Issue | undefined>();
    const rootOf = (issue: Issue): Issue | undefined => {
      if (roots.has(issue)) return roots.get(issue);
      roots.set(issue, undefined); // a cycle of causes: the issue it closes on is a root
      let root: Issue | undefined;
      const direct = cause(issue);
      if (direct) root = rootOf(direct) ?? direct;
      if (root === issue) root = undefined;
      roots.set(issue, root);
      return root;
    };
    return issues.map((issue) => {
      const { id: _id, causedBy: _causedBy, ...rest } = issue;
      const root = rootOf(issue);
      return root ? { id: ids.get(issue)!, causedBy: ids.get(root)!, ...rest } : { id: ids.get(issue)!, ...rest };
    });
  }
}

/** Does `issue` meet the restatement's condition on the restated finding's parameters? */
function restates(r: Restatement, issue: Issue): boolean {
  if (!r.fromParam) return true;
  const v = issue.params[r.fromParam.name];
  return typeof v === 'string' && v.startsWith(r.fromParam.prefix);
}

/** Where the finding a restatement restates is (rules/follow-ons.ts), from the follow-on's place. */
function restatedAt(fhirPath: string, at: Exclude<Restatement['at'], 'under'>): string | undefined {
  if (at === 'same') return fhirPath;
  if (typeof at === 'object' && 'child' in at) return `${fhirPath}.${at.child}`;
  const dot = fhirPath.lastIndexOf('.');
  if (dot <= 0) return undefined;
  if (at === 'parent') return fhirPath.slice(0, dot);
  return fhirPath.slice(dot + 1) === at.last ? `${fhirPath.slice(0, dot)}.${at.sibling}` : undefined;
}

/** One finding as reported, before it is rendered and located. */
export interface Recorded {
  ruleId: RuleId;
  where: Pick<Where, 'jsonPath' | 'fhirPath'>;
  params: IssueParams;
  options: ReportOptions;
}

/**
 * A sink that keeps findings as reported, unrendered, to be replayed into another sink later:
 * conformance probes (only whether there are errors matters) and the findings of a Bundle
 * entry against a profile, which several checks of one document need (the walk itself, profile
 * discriminators, reference target profiles).
 */
export class RecordingSink extends IssueSink {
  readonly recorded: Recorded[] = [];
  private errors = 0;

  constructor(locale: Locale, suppressions?: Suppressions) {
    super(undefined, locale, true, suppressions);
  }

  override add(ruleId: RuleId, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: IssueParams, options: ReportOptions): void {
    // kept for the replay (which counts it), but a suppressed finding does not make the probe fail
    this.recorded.push({ ruleId, where: { jsonPath: where.jsonPath, fhirPath: where.fhirPath }, params, options });
    if (this.suppressions?.matches(ruleId, where.fhirPath)) return;
    const severity = options.severity ?? RULES[ruleId].severity;
    if (severity === 'error' || severity === 'fatal') this.errors++;
  }

  override get hasErrors(): boolean {
    return this.errors > 0;
  }

  replay(sink: IssueSink): void {
    for (const r of this.recorded) sink.add(r.ruleId, r.where, r.params, r.options);
  }
}

/**
 * What a rule sees of the walk (read-only): the definitions, the model, terminology and FHIRPath,
 * conformance probes, and the walk's callbacks for rules that validate a value against another
 * definition (profile discriminators, extensions that match no slice). The walker implements it;
 * rules import this module, never the walker.
 */
export interface WalkContext {
  /** Structure plans by canonical (profiles, extensions) and by FHIR type. */
  readonly plans: PlanCache;
  readonly model: FhirModel;
  readonly terminology: TerminologyService;
  readonly fhirpath: FhirPathRunner;
  /** The invariants with a native implementation, by key. */
  readonly natives: ReadonlyMap<string, NativeInvariant>;
  /** Evaluate natively decided invariants with fhirpath.js as well and throw when they disagree (tests). */
  readonly crossCheckNatives: boolean;
  /** Discriminator paths and what slices define at them, worked out once. */
  readonly slicing: SlicingMemo;
  readonly locale: Locale;
  readonly suppressions: Suppressions | undefined;
  /** Does `resource` conform to `plan`? (A silent validation, cached per resource and profile.) */
  conforms(resource: Json, plan: StructurePlan, where: Where | undefined): boolean;
  /** Why `resource` does not conform to `plan` (its first error), after conforms() said so. */
  whyNot(resource: Json, plan: StructurePlan): string | undefined;
  /**
   * The keys (`findingKey`) of the errors that keep `resource` from conforming to `plan`, in the order found,
   * after conforms() said it does not: the `causes` of a finding that only follows from that.
   */
  causesOf(resource: Json, plan: StructurePlan): readonly string[];
  /** Run `fn` (an invariant's evaluation) and collect the `causesOf` of every conformance probe that failed in it. */
  failedProbes<T>(fn: () => T): { result: T; causes: string[] };
  /** The child definitions of an element: the snapshot's, else its type's (profile first). */
  childrenOf(node: ElementPlan, typeCode: string): Map<string, ElementPlan> | undefined;
  /** Validate one occurrence of an element against `node`. */
  validateNode(value: unknown, node: ElementPlan, typeCode: string, where: Where, sink: IssueSink): void;
  /** Validate an extension that matched no slice against its definition, when one is available. */
  validateUnslicedExtension(value: Json, where: Where, sink: IssueSink, modifier: boolean): void;
  /** Resolve a reference inside the Bundle (or to a contained resource). */
  resolveReference(reference: string, where: Where): Json | undefined;
  /** A number as written in the document (exact decimals). */
  numberText(where: Where, value: number): string;
}
