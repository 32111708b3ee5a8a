/**
 * FHIR fixed[x] and pattern[x] semantics on JSON values: one definition for the validator (does a
 * value meet an element's fixed value or pattern?) and the compiler (does a profile's pattern keep
 * its parent's?).
 */

/** fixed[x]: deep equality (numbers compared as numbers, arrays item by item). */
export function equalsFixed(value: unknown, fixed: unknown): boolean {
  if (Array.isArray(fixed)) {
    return Array.isArray(value) && value.length === fixed.length && fixed.every((f, i) => equalsFixed(value[i], f));
  }
  if (fixed && typeof fixed === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const a = value as Record<string, unknown>;
    const b = fixed as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!equalsFixed(a[k], b[k])) return false;
    return true;
  }
  return value === fixed;
}

/**
 * pattern[x]: everything in the pattern is in the value (arrays: each pattern item matches some value
 * item; an object pattern matches only an object, never an array).
 */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return false;
    return pattern.every((p) => value.some((v) => matchesPattern(v, p)));
  }
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([k, p]) => matchesPattern((value as Record<string, unknown>)[k], p));
  }
  return value === pattern;
}
