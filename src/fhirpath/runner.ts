import fhirpath from 'fhirpath';
import { compileRegex, R4_MODEL, regexFunctions, translateRegex } from './engine.js';

export { translateRegex };
import { htmlChecks } from './xhtml.js';

type Json = Record<string, unknown>;

/** What FHIRPath functions need from the validation around them. */
export interface FhirPathHost {
  /** Resolve a reference string in the context of the evaluation (Bundle entries, contained). */
  resolve(reference: string, vars: EvalVars): Json | undefined;
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

/** The plain value of a FHIRPath collection item (fhirpath.js wraps FHIR data in ResourceNodes). */
function data(item: unknown): unknown {
  return (fhirpath.util as { valData(v: unknown): unknown }).valData(item);
}

type Compiled = (resource: unknown, vars: EvalVars) => unknown[];

/**
 * fhirpath.js (pinned 5.2.0, R4 model) with the functions a validator needs offline: resolve()
 * inside the Bundle, memberOf() on local terminology, conformsTo() against local profiles, and
 * matches()/replaceMatches() with Java regex idioms translated. Expressions compile once per
 * (expression, base type) and are cached.
 */
export class FhirPathRunner {
  private readonly compiled = new Map<string, Compiled | Error>();
  /** The variables of the evaluations in progress (evaluation is synchronous; conformsTo() nests). */
  private readonly current: EvalVars[] = [];
  private readonly table: Record<string, unknown>;
  private readonly regexes = new Map<string, RegExp>();
  /** The last narrative htmlChecks() looked at: txt-1 and txt-2 both ask about the same div. */
  private lastHtml: { text: string; ok: boolean } | undefined;

  constructor(private readonly host: FhirPathHost) {
    const runner = this;
    this.table = {
      resolve: {
        fn(inputs: unknown[]): Json[] {
          const vars = runner.current[runner.current.length - 1];
          const out: Json[] = [];
          if (!vars) return out;
          for (const item of inputs) {
            const d = data(item);
            const ref = typeof d === 'string' ? d : (d as Json | undefined)?.['reference'];
            if (typeof ref !== 'string') continue;
            const hit = runner.host.resolve(ref, vars);
            if (hit) out.push(hit);
          }
          return out;
        },
      },
      ...regexFunctions((regex) => runner.regex(regex), data),
      memberOf: {
        fn(inputs: unknown[], valueSet: unknown): boolean[] {
          if (!runner.host.memberOf || typeof valueSet !== 'string' || inputs.length !== 1) return [];
          const d = data(inputs[0]) as unknown;
          const codings: { system?: string; code?: string }[] = typeof d === 'string'
            ? [{ code: d }]
            : Array.isArray((d as Json | undefined)?.['coding']) ? ((d as Json)['coding'] as { system?: string; code?: string }[])
              : [d as { system?: string; code?: string }];
          let unknown = false;
          for (const c of codings) {
            if (typeof c?.code !== 'string') continue;
            const r = runner.host.memberOf(valueSet, c.system, c.code);
            if (r === 'in') return [true];
            if (r === 'unknown') unknown = true;
          }
          return unknown ? [] : [false];
        },
        arity: { 1: ['String'] },
      },
      htmlChecks: {
        fn(inputs: unknown[]): boolean[] {
          if (inputs.length !== 1) return [];
          const d = data(inputs[0]);
          return typeof d === 'string' ? [runner.htmlOk(d)] : [];
        },
      },
      conformsTo: {
        fn(inputs: unknown[], profile: unknown): boolean[] {
          if (!runner.host.conformsTo || typeof profile !== 'string' || inputs.length !== 1) return [];
          const d = data(inputs[0]);
          if (!d || typeof d !== 'object') return [];
          const r = runner.host.conformsTo(d as Json, profile, runner.current[runner.current.length - 1]);
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

  private compile(expression: string, base: string): Compiled {
    const key = `${base}\u0000${expression}`;
    let c = this.compiled.get(key);
    if (c === undefined) {
      try {
        c = fhirpath.compile({ base, expression }, R4_MODEL, { userInvocationTable: this.table, traceFn: () => {} } as never) as unknown as Compiled;
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
    const fn = this.compile(expression, base);
    this.current.push(vars);
    try {
      return fn(focus, vars);
    } finally {
      this.current.pop();
    }
  }
}
