import { extendPath, pathSteps, type JsonPath, type SourceDoc } from '../load/source.js';
import type { BundleEntries } from '../../fhir/references.js';
import type { Issue } from '../issue.js';
import type { Suppressions } from '../suppress.js';
import type { Locale } from '../messages/index.js';
import { renderMessage } from '../messages/index.js';
import { RULES, type RuleId, type Severity } from '../rules/registry.js';
import type { ElementPlan } from '../plan/plan.js';

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
  return out;
}

/** `where`, one or more steps further down (for issues about a child the walk does not visit). */
export function below(where: Pick<Where, 'jsonPath' | 'fhirPath'>, fhirPath: string, ...steps: (string | number)[]): Pick<Where, 'jsonPath' | 'fhirPath'> {
  return { jsonPath: extendPath(where.jsonPath, ...steps), fhirPath };
}

export interface ReportOptions {
  severity?: Severity;
  node?: ElementPlan;
  constraintKey?: string;
}

/**
 * How many findings of one kind a file's report lists before the rest are counted into one
 * `input/more-issues` finding: `perElement` of one rule (and severity) on the children of one
 * element, `perFile` of one rule (and severity) in the whole file. docs/rules/input/more-issues.md.
 */
export interface IssueCaps {
  perElement: number;
  perFile: number;
}

/** 100 of a kind on one element, 1,000 of a kind in a file (docs/rules/input/more-issues.md). */
export const DEFAULT_ISSUE_CAPS: Readonly<IssueCaps> = Object.freeze({ perElement: 100, perFile: 1000 });

/** An `input/more-issues` finding, still counting. */
interface Overflow {
  issue: Issue;
  params: { rule: string; count: number; shown: number; scope: string };
  /** The count the message was last rendered with. */
  rendered: number;
}

/** The FHIRPath of the element whose child (or item) `where` is, and that element's JSON path. */
function parentOf(where: Pick<Where, 'jsonPath' | 'fhirPath'>): Pick<Where, 'jsonPath' | 'fhirPath'> {
  const { jsonPath, fhirPath } = where;
  const up = jsonPath.up ?? jsonPath;
  if (typeof jsonPath.step === 'number') {
    const open = fhirPath.lastIndexOf('[');
    return { jsonPath: up, fhirPath: open > 0 ? fhirPath.slice(0, open) : fhirPath };
  }
  const name = jsonPath.step.charCodeAt(0) === 95 /* _ */ ? jsonPath.step.slice(1) : jsonPath.step;
  const cut = fhirPath.length - name.length - 1;
  if (name !== '' && cut > 0 && fhirPath.endsWith(`.${name}`)) return { jsonPath: up, fhirPath: fhirPath.slice(0, cut) };
  const dot = fhirPath.lastIndexOf('.');
  return { jsonPath: up, fhirPath: dot > 0 ? fhirPath.slice(0, dot) : fhirPath };
}

/** Collects the issues of one validation (or of a silent conformance probe). */
export class IssueSink {
  private readonly list: Issue[] = [];
  /** Findings dropped by the run's suppressions (counted, never silently lost). */
  suppressed = 0;
  /** Findings counted into an `input/more-issues` finding instead of being listed. */
  omitted = 0;
  private readonly seen = new Set<string>();
  private readonly caps: Readonly<IssueCaps>;
  /** rule|severity|element → findings of that kind on the children of that element */
  private readonly perElement = new Map<string, number>();
  /** rule|severity → findings of that kind listed in the file (element overflows included) */
  private readonly perFile = new Map<string, number>();
  private readonly overflows = new Map<string, Overflow>();
  private dirty = false;

  constructor(private readonly doc: SourceDoc | undefined, private readonly locale: Locale, readonly silent = false, readonly suppressions?: Suppressions, caps?: Partial<IssueCaps>) {
    this.caps = { ...DEFAULT_ISSUE_CAPS, ...caps };
  }

  /** The findings, in the order reported; `input/more-issues` findings carry their final counts. */
  get issues(): Issue[] {
    if (this.dirty) {
      for (const o of this.overflows.values()) {
        if (o.rendered === o.params.count) continue;
        o.issue.message = renderMessage('input/more-issues', o.params, this.locale);
        o.rendered = o.params.count;
      }
      this.dirty = false;
    }
    return this.list;
  }

  report(ruleId: RuleId, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: Record<string, string | number> = {}, options: ReportOptions = {}): void {
    const rule = RULES[ruleId];
    const severity = options.severity ?? rule.severity;
    // one finding per rule, place and content: the same cardinality broken by the base type's
    // definition and by the profile's (`element` differs) is reported once, by the first
    const { element: _definedBy, ...identity } = params;
    const key = `${ruleId}|${where.fhirPath}|${options.constraintKey ?? ''}|${JSON.stringify(identity)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.suppressions?.matches(ruleId, where.fhirPath)) { this.suppressed++; return; }
    if (!this.silent && this.overflowed(ruleId, severity, where)) return;
    this.list.push(this.issue(ruleId, severity, where, params, options));
  }

  private issue(ruleId: RuleId, severity: Severity, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: Record<string, string | number>, options: ReportOptions): Issue {
    const rule = RULES[ruleId];
    const message = renderMessage(ruleId, params, this.locale);
    const issue: Issue = {
      ruleId, severity, layer: rule.layer, issueType: rule.issueType, params, message,
      location: { fhirpath: where.fhirPath, file: this.doc?.file ?? '' },
    };
    if (!this.silent && this.doc) {
      const pos = this.doc.locate(pathSteps(where.jsonPath));
      if (pos) { issue.location.line = pos.line; issue.location.column = pos.column; }
    }
    if (options.node) {
      issue.profile = { url: options.node.structure.url, elementId: options.node.id };
      if (options.node.structure.version !== undefined) issue.profile.version = options.node.structure.version;
    }
    if (options.constraintKey !== undefined) issue.constraintKey = options.constraintKey;
    return issue;
  }

  /**
   * Past a cap: count the finding into the `input/more-issues` finding of its element (or of its
   * file) and answer true; the finding is then neither rendered nor located.
   */
  private overflowed(ruleId: RuleId, severity: Severity, where: Pick<Where, 'jsonPath' | 'fhirPath'>): boolean {
    const kind = `${ruleId}|${severity}`;
    const inFile = this.perFile.get(kind) ?? 0;
    const element = where.jsonPath.length > 0 ? parentOf(where) : undefined;
    const elementKey = element ? `${kind}|${element.fhirPath}` : undefined;
    if (elementKey !== undefined) {
      const onElement = (this.perElement.get(elementKey) ?? 0) + 1;
      this.perElement.set(elementKey, onElement);
      if (onElement > this.caps.perElement) {
        const known = this.overflows.get(elementKey);
        if (known) return this.count(known);
        // a new element overflow is listed like a finding: within the file's cap
        if (inFile < this.caps.perFile) {
          this.perFile.set(kind, inFile + 1);
          return this.open(elementKey, ruleId, severity, element!, this.caps.perElement);
        }
      }
    }
    if (inFile < this.caps.perFile) {
      this.perFile.set(kind, inFile + 1);
      return false;
    }
    const known = this.overflows.get(kind);
    return known ? this.count(known) : this.open(kind, ruleId, severity, where, this.caps.perFile);
  }

  private count(o: Overflow): true {
    o.params.count++;
    this.omitted++;
    this.dirty = true;
    return true;
  }

  private open(key: string, ruleId: RuleId, severity: Severity, where: Pick<Where, 'jsonPath' | 'fhirPath'>, shown: number): true {
    const params = { rule: ruleId, count: 0, shown, scope: key === `${ruleId}|${severity}` ? 'file' : 'element' };
    const issue = this.issue('input/more-issues', severity, where, params, {});
    const o: Overflow = { issue, params, rendered: -1 };
    this.overflows.set(key, o);
    this.list.push(issue);
    return this.count(o);
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error' || i.severity === 'fatal');
  }
}

/** One finding as reported, before it is rendered and located. */
export interface Recorded {
  ruleId: RuleId;
  where: Pick<Where, 'jsonPath' | 'fhirPath'>;
  params: Record<string, string | number>;
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

  override report(ruleId: RuleId, where: Pick<Where, 'jsonPath' | 'fhirPath'>, params: Record<string, string | number> = {}, options: ReportOptions = {}): void {
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
    for (const r of this.recorded) sink.report(r.ruleId, r.where, r.params, r.options);
  }
}
