import { createRequire } from 'node:module';

/**
 * UCUM units (http://unitsofmeasure.org) decided by their grammar, with `@lhncbc/ucum-lhc` (the
 * version fhirpath brings). UCUM is not a list of codes: a value set that includes all of it, or
 * the code system itself, holds every valid unit expression (`mg/dL`, `/min`, `Cel`, `%`,
 * `10*9/L`, `{score}` …) and nothing else.
 *
 * The library is CommonJS and reads its unit tables when loaded (hundreds of milliseconds), so it
 * is loaded on the first unit to decide, never when this module is imported.
 */

/** The part of ucum-lhc's `UcumLhcUtils` used here. */
interface UcumLhcUtils {
  validateUnitString(unit: string, suggest?: boolean): { status: 'valid' | 'invalid' | 'error'; ucumCode: string | null; msg?: string[] };
  convertUnitTo(from: string, value: number, to: string): { status: 'succeeded' | 'failed' | 'error'; toVal?: number | null };
}
interface UcumLhcModule {
  UcumLhcUtils: { getInstance(): UcumLhcUtils };
}

export type UnitDecision = { valid: true } | { valid: false; reason: string };

/** Decisions kept per instance, up to this many (codes come from instances: not kept without bound). */
const MAX_CACHED = 10_000;
/** UCUM codes are printable ASCII without spaces (UCUM §2.1); anything else is not a unit, and is not given to the library. */
const UCUM_CHARS = /^[!-~]+$/;

/** Decides UCUM unit expressions (the library is loaded on first use, once per process by Node's module cache). */
export class UcumUnits {
  private utils: UcumLhcUtils | undefined;
  private readonly decided = new Map<string, UnitDecision>();

  decide(code: string): UnitDecision {
    let d = this.decided.get(code);
    if (d) return d;
    d = this.compute(code);
    if (this.decided.size >= MAX_CACHED) this.decided.clear();
    this.decided.set(code, d);
    return d;
  }

  /** `value` in UCUM unit `from` expressed in unit `to`, or undefined when the two do not convert (or are no UCUM units). */
  convert(value: number, from: string, to: string): number | undefined {
    if (from === to) return value;
    if (!UCUM_CHARS.test(from) || !UCUM_CHARS.test(to)) return undefined;
    this.utils ??= (createRequire(import.meta.url)('@lhncbc/ucum-lhc') as UcumLhcModule).UcumLhcUtils.getInstance();
    const r = this.utils.convertUnitTo(from, value, to);
    return r.status === 'succeeded' && typeof r.toVal === 'number' ? r.toVal : undefined;
  }

  private compute(code: string): UnitDecision {
    if (!UCUM_CHARS.test(code)) {
      return { valid: false, reason: `'${code}' is not a UCUM unit expression (UCUM codes are printable ASCII without spaces)` };
    }
    this.utils ??= (createRequire(import.meta.url)('@lhncbc/ucum-lhc') as UcumLhcModule).UcumLhcUtils.getInstance();
    const r = this.utils.validateUnitString(code, false);
    // valid, and as written (the library accepts some codes it rewrites, e.g. degF → [degF])
    if (r.status === 'valid' && r.ucumCode === code) return { valid: true };
    const why = (r.msg ?? [])
      .map((m) => m.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    return { valid: false, reason: `'${code}' is not a valid UCUM unit${why ? `: ${why}` : ''}` };
  }
}
