import { fhirpathJs, type FhirPathJs, type FhirPathLibrary } from './library.js';
import { CannotDecide, LiteEvaluator, type LiteModel } from './lite/evaluate.js';
import { parseLite, Unsupported, type Ast } from './lite/parse.js';
import { compileRegex, regexFunctions, translateRegex } from './regex.js';
import { memberOfValue } from './member-of.js';
import { htmlChecks } from './xhtml.js';

export { translateRegex };

type Json = Record<string, unknown>;

/**
 * The object a fhirpath.js collection item was read from: its own value when that is an object
 * (a Reference), else the nearest parent's (the Reference of a `reference` string).
 */
export function holderOf(item: unknown): object | undefined {
  if (!item || typeof item !== 'object') return undefined;
  if (!('data' in item)) return item;
  let node: unknown = item;
  while (node && typeof node === 'object' && 'data' in node) {
    const d = node.data;
    if (d && typeof d === 'object') return d;
    node = (node as { parentResNode?: unknown }).parentResNode;
  }
  return undefined;
}

/** What FHIRPath functions need from the validation around them. */
export interface FhirPathHost {
  /**
   * Resolve a reference string in the context of the evaluation (Bundle entries, contained).
   * `at` is the object the reference was read from (the Reference element) when known: the
   * resource it is in decides what `#id` means.
   */
  resolve(reference: string, vars: EvalVars, at: object | undefined): Json | undefined;
  /** memberOf(): 'in' | 'not-in' | 'unknown' */
  memberOf?(valueSet: string, system: string | undefined, code: string): 'in' | 'not-in' | 'unknown';
  /** conformsTo(): true/false, or undefined when the profile is not available. */
  conformsTo?(resource: Json, profile: string, vars: EvalVars | undefined): boolean | undefined;
}

export interface EvalVars {
  resource: unknown;
  rootResource: unknown;
  [key: string]: unknown;
}

type Compiled = (resource: unknown, vars: EvalVars) => unknown[];

export interface FhirPathRunnerOptions {
  /**
   * The R4 type model: with it, expressions in the lite subset are evaluated natively
   * (src/fhirpath/lite) and fhirpath.js is loaded only for the others.
   */
  model?: LiteModel;
  /**
   * Evaluate every lite expression with fhirpath.js too and throw when the results differ
   * (for tests over example corpora).
   */
  crossCheck?: boolean;
}

/** How often each engine answered (for tests and the benchmark). */
export interface FhirPathRunnerStats {
  lite: number;
  fhirpathJs: number;
}

/**
 * fhirpath.js (pinned 5.2.0, R4 model) with the functions a validator needs offline: resolve()
 * inside the Bundle, memberOf() on local terminology, conformsTo() against local profiles, and
 * matches()/replaceMatches() with Java regex idioms translated. Expressions compile once per
 * (expression, base type) and are cached.
 */
export class FhirPathRunner {
  private readonly compiled = new Map<string, Compiled | Error>();
  /** Lite ASTs by expression; `null` when the expression is outside the lite subset. */
  private readonly liteAsts = new Map<string, Ast | null>();
  private readonly lite: LiteEvaluator | undefined;
  private js: FhirPathLibrary | undefined;
  readonly stats: FhirPathRunnerStats = { lite: 0, fhirpathJs: 0 };
  /** The variables of the evaluations in progress (evaluation is synchronous; conformsTo() nests). */
  private readonly current: EvalVars[] = [];
  private readonly table: Record<string, unknown>;
  private readonly regexes = new Map<string, RegExp>();
  /** The last narrative htmlChecks() looked at: txt-1 and txt-2 both ask about the same div. */
  private lastHtml: { text: string; ok: boolean } | undefined;

  constructor(
    private readonly host: FhirPathHost,
    private readonly options: FhirPathRunnerOptions = {},
  ) {
    const data = (item: unknown): unknown => this.valData(item);
    if (options.model) {
      this.lite = new LiteEvaluator(options.model, {
        resolve: (reference, vars, at) => host.resolve(reference, vars, at),
        ...(host.memberOf ? { memberOf: host.memberOf.bind(host) } : {}),
        ...(host.conformsTo
          ? { conformsTo: (resource: Json, profile: string, vars: EvalVars) => host.conformsTo!(resource, profile, vars) }
          : {}),
        regex: (source) => this.regex(source),
      });
    }
    this.table = {
      resolve: {
        // the items as fhirpath.js holds them, so that a `reference` string still knows its Reference
        internalStructures: true,
        fn: (inputs: unknown[]): Json[] => {
          const vars = this.current[this.current.length - 1];
          const out: Json[] = [];
          if (!vars) return out;
          for (const item of inputs) {
            const d = data(item);
            const ref = typeof d === 'string' ? d : (d as Json | undefined)?.['reference'];
            if (typeof ref !== 'string') continue;
            const hit = this.host.resolve(ref, vars, holderOf(item));
            if (hit) out.push(hit);
          }
          return out;
        },
      },
      ...regexFunctions((regex) => this.regex(regex), data),
      memberOf: {
        fn: (inputs: unknown[], valueSet: unknown): boolean[] => {
          if (!this.host.memberOf || typeof valueSet !== 'string' || inputs.length !== 1) return [];
          return memberOfValue(data(inputs[0]), valueSet, this.host.memberOf.bind(this.host));
        },
        arity: { 1: ['String'] },
      },
      htmlChecks: {
        fn: (inputs: unknown[]): boolean[] => {
          if (inputs.length !== 1) return [];
          const d = data(inputs[0]);
          return typeof d === 'string' ? [this.htmlOk(d)] : [];
        },
      },
      conformsTo: {
        fn: (inputs: unknown[], profile: unknown): boolean[] => {
          if (!this.host.conformsTo || typeof profile !== 'string' || inputs.length !== 1) return [];
          const d = data(inputs[0]);
          if (!d || typeof d !== 'object') return [];
          const r = this.host.conformsTo(d as Json, profile, this.current[this.current.length - 1]);
          return r === undefined ? [] : [r];
        },
        arity: { 1: ['String'] },
      },
    };
  }

  private regex(regex: string): RegExp {
    let r = this.regexes.get(regex);
    if (!r) {
      r = compileRegex(regex);
      this.regexes.set(regex, r);
    }
    return r;
  }

  private htmlOk(text: string): boolean {
    if (this.lastHtml?.text !== text) this.lastHtml = { text, ok: htmlChecks(text).ok };
    return this.lastHtml.ok;
  }

  /** fhirpath.js and its R4 model, loaded on first use. */
  private library(): FhirPathLibrary {
    this.js ??= fhirpathJs();
    return this.js;
  }

  private fhirpath(): FhirPathJs {
    return this.library().fhirpath;
  }

  /** The plain value of a FHIRPath collection item (fhirpath.js wraps FHIR data in ResourceNodes). */
  private valData(item: unknown): unknown {
    return (this.fhirpath().util as { valData(v: unknown): unknown }).valData(item);
  }

  private liteAst(expression: string): Ast | null {
    let ast = this.liteAsts.get(expression);
    if (ast === undefined) {
      try {
        ast = parseLite(expression);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        ast = null;
      }
      this.liteAsts.set(expression, ast);
    }
    return ast;
  }

  private compile(expression: string, base: string): Compiled {
    const key = `${base}\u0000${expression}`;
    let c = this.compiled.get(key);
    if (c === undefined) {
      try {
        c = this.fhirpath().compile({ base, expression }, this.library().r4, {
          userInvocationTable: this.table,
          traceFn: () => {},
        } as never);
      } catch (e) {
        c = e instanceof Error ? e : new Error(String(e));
      }
      this.compiled.set(key, c);
    }
    if (c instanceof Error) throw c;
    return c;
  }

  /**
   * Evaluate `expression` with `focus` (of FHIR type `base`) as the input; returns the result
   * collection. Throws when the expression does not compile or evaluation fails.
   */
  evaluate(focus: unknown, base: string, expression: string, vars: EvalVars): unknown[] {
    const ast = this.lite ? this.liteAst(expression) : null;
    if (ast) {
      let result: unknown[] | undefined;
      try {
        result = this.lite!.evaluate(ast, focus, base, vars);
      } catch (e) {
        if (!(e instanceof CannotDecide)) throw e;
      }
      if (result !== undefined) {
        this.stats.lite++;
        if (this.options.crossCheck) this.crossCheck(result, focus, base, expression, vars);
        return result;
      }
    }
    this.stats.fhirpathJs++;
    return this.evaluateJs(focus, base, expression, vars);
  }

  private crossCheck(lite: unknown[], focus: unknown, base: string, expression: string, vars: EvalVars): void {
    let js: unknown[] | Error;
    try {
      js = this.evaluateJs(focus, base, expression, vars);
    } catch (e) {
      js = e as Error;
    }
    const same = !(js instanceof Error) && JSON.stringify(js) === JSON.stringify(lite);
    if (!same) {
      throw new Error(
        `lite FHIRPath differs from fhirpath.js on ${base}: ${expression}\n  lite: ${JSON.stringify(lite)}\n  fhirpath.js: ${js instanceof Error ? `error ${js.message}` : JSON.stringify(js)}`,
      );
    }
  }

  private evaluateJs(focus: unknown, base: string, expression: string, vars: EvalVars): unknown[] {
    const fn = this.compile(expression, base);
    this.current.push(vars);
    try {
      return fn(focus, vars);
    } finally {
      this.current.pop();
    }
  }
}
