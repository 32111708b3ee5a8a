import { readFileSync } from 'node:fs';
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

const VALID: UnitDecision = { valid: true };

/**
 * The installed `@lhncbc/ucum-lhc`: its package.json and version (a table of decided units is used only with
 * the library that made it). `file` given: the version found there (no module resolution at a cold start).
 */
export function ucumLibrary(file?: string): { file: string; version: string } | undefined {
  try {
    const at = file ?? createRequire(import.meta.url).resolve('@lhncbc/ucum-lhc/package.json');
    const version = (JSON.parse(readFileSync(at, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? { file: at, version } : undefined;
  } catch {
    return undefined;
  }
}

/** The codes of `codes` the library decides valid as written (for the install-time table). */
export function validUcumCodes(codes: Iterable<string>): string[] {
  const units = new UcumUnits();
  const out: string[] = [];
  for (const c of new Set(codes)) if (units.decide(c).valid) out.push(c);
  return out.sort();
}

/** Decisions kept per instance, up to this many (codes come from instances: not kept without bound). */
const MAX_CACHED = 10_000;
/** UCUM codes are printable ASCII without spaces (UCUM §2.1); anything else is not a unit, and is not given to the library. */
const UCUM_CHARS = /^[!-~]+$/;

/**
 * Decides UCUM unit expressions (the library is loaded on first use, once per process by Node's module cache).
 *
 * `known`: units this same library version already decided valid, written at install time (the units of the
 * base R4 ValueSet ucum-common and those our packages name: src/standards/prebuilt.ts). A unit found there is
 * answered without loading the library — loading it and building its tables takes ≈ 45 ms, most of a one-bundle
 * run's terminology work; any other unit, and every conversion, goes to the library as before.
 */
export class UcumUnits {
  private utils: UcumLhcUtils | undefined;
  private readonly decided = new Map<string, UnitDecision>();

  constructor(private readonly known?: ReadonlySet<string>) {}

  decide(code: string): UnitDecision {
    if (this.known?.has(code)) return VALID;
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
