import { describe, expect, it } from 'vitest';
import { equalsFixed, matchesPattern } from '../../src/fhir/values.js';

describe('fixed[x] and pattern[x] on JSON values (src/fhir/values.ts)', () => {
  it('fixed: deep equality, arrays item by item, no extra properties', () => {
    expect(equalsFixed({ system: 'urn:a', code: 'x' }, { system: 'urn:a', code: 'x' })).toBe(true);
    expect(equalsFixed({ system: 'urn:a', code: 'x', display: 'X' }, { system: 'urn:a', code: 'x' })).toBe(false);
    expect(equalsFixed([1, 2], [1, 2])).toBe(true);
    expect(equalsFixed([2, 1], [1, 2])).toBe(false);
    expect(equalsFixed([{ a: 1 }], { a: 1 })).toBe(false);
  });

  it('pattern: what the pattern says is in the value; each pattern item matches some value item', () => {
    expect(matchesPattern({ system: 'urn:a', code: 'x', display: 'X' }, { system: 'urn:a', code: 'x' })).toBe(true);
    expect(matchesPattern({ system: 'urn:b', code: 'x' }, { system: 'urn:a' })).toBe(false);
    expect(matchesPattern({ coding: [{ system: 'urn:b' }, { system: 'urn:a', code: 'x' }] }, { coding: [{ system: 'urn:a' }] })).toBe(true);
    expect(matchesPattern({ coding: { system: 'urn:a' } }, { coding: [{ system: 'urn:a' }] })).toBe(false);
  });

  it('pattern: an object pattern never matches an array', () => {
    expect(matchesPattern([{ system: 'urn:a' }], { system: 'urn:a' })).toBe(false);
    expect(matchesPattern(['urn:a'], { 0: 'urn:a' })).toBe(false);
  });
});
