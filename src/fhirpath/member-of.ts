/** Answers `memberOf()` for one code: in, not in, or unknown (a value set we cannot expand). */
export type MemberOf = (valueSet: string, system: string | undefined, code: string) => 'in' | 'not-in' | 'unknown';

/**
 * FHIRPath `memberOf(valueSet)` on one value — a code, a Coding or a CodeableConcept (any of its
 * codings): `[true]` when a code is in the value set, `[false]` when none is, `[]` when it cannot
 * be decided. Shared by fhirpath.js's user function and the lite evaluator, so both answer alike.
 */
export function memberOfValue(value: unknown, valueSet: string, memberOf: MemberOf): boolean[] {
  const v = value as Record<string, unknown> | string | null | undefined;
  const codings: { system?: string; code?: string }[] =
    typeof v === 'string'
      ? [{ code: v }]
      : v && typeof v === 'object' && Array.isArray(v['coding'])
        ? (v['coding'] as { system?: string; code?: string }[])
        : [v as { system?: string; code?: string }];
  let unknown = false;
  for (const c of codings) {
    if (typeof c?.code !== 'string') continue;
    const r = memberOf(valueSet, c.system, c.code);
    if (r === 'in') return [true];
    if (r === 'unknown') unknown = true;
  }
  return unknown ? [] : [false];
}
