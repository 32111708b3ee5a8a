/** A JSON object as parsed (FHIR resources and elements). */
export type Json = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON with object keys sorted at every level, for comparing values whatever their key order
 * (and for deterministic output). Keys whose value is undefined are left out, as JSON.stringify
 * does, so the result is valid JSON and `{a: undefined}` equals `{}`.
 */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Json;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
