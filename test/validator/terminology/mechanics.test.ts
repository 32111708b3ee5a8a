import { describe, expect, it } from 'vitest';
import { PackageSource } from '../../../src/defs/package-source.js';
import { Resolver } from '../../../src/defs/registry.js';
import type { FhirResource } from '../../../src/defs/resource.js';
import { LocalTerminology } from '../../../src/validator/terminology/local.js';
import { TriSet } from '../../../src/validator/terminology/tri.js';

/**
 * Mechanisms the real MedCom / R4 content does not exercise (import cycles, property and regex
 * filters, `inactive: false`, partial expansions, several versions of one value set). The real
 * content is covered in local.test.ts; these packages are deliberately tiny.
 */
const CS = 'http://example.org/fhir/CodeSystem/h';
const VS = 'http://example.org/fhir/ValueSet/';
const SCT = 'http://snomed.info/sct';

const codeSystem: FhirResource = {
  resourceType: 'CodeSystem',
  url: CS,
  version: '1',
  status: 'active',
  content: 'complete',
  property: [
    { code: 'colour', type: 'code' },
    { code: 'status', type: 'code' },
  ],
  concept: [
    {
      code: 'A',
      display: 'Alpha',
      property: [{ code: 'colour', valueCode: 'red' }],
      concept: [
        { code: 'A1', display: 'Alpha one', concept: [{ code: 'A11', display: 'Alpha one one' }] },
        { code: 'A2', display: 'Alpha two', property: [{ code: 'colour', valueCode: 'blue' }] },
      ],
    },
    { code: 'B', display: 'Beta', property: [{ code: 'status', valueCode: 'retired' }] },
    // C is a second parent of A2 (poly-hierarchy through the `child` property)
    { code: 'C', display: 'Gamma', property: [{ code: 'child', valueCode: 'A2' }] },
  ],
};

const fragment: FhirResource = {
  resourceType: 'CodeSystem',
  url: 'http://example.org/fhir/CodeSystem/frag',
  status: 'active',
  content: 'fragment',
  concept: [{ code: 'x' }],
};

function vs(id: string, compose: unknown, extra: Record<string, unknown> = {}): FhirResource {
  return { resourceType: 'ValueSet', url: VS + id, status: 'active', ...(compose ? { compose } : {}), ...extra };
}

function filter(property: string, op: string, value: string): unknown {
  return { include: [{ system: CS, filter: [{ property, op, value }] }] };
}

const pkg = new PackageSource({ name: 'example.terminology', version: '0.1.0' });
for (const r of [
  codeSystem,
  fragment,
  vs('cycle-a', { include: [{ system: CS, concept: [{ code: 'A' }] }, { valueSet: [`${VS}cycle-b`] }] }),
  vs('cycle-b', { include: [{ system: CS, concept: [{ code: 'B' }] }, { valueSet: [`${VS}cycle-a`] }] }),
  vs('is-a-A', filter('concept', 'is-a', 'A')),
  vs('descendent-of-A', filter('concept', 'descendent-of', 'A')),
  vs('is-not-a-A', filter('concept', 'is-not-a', 'A')),
  vs('generalizes-A11', filter('concept', 'generalizes', 'A11')),
  vs('is-a-C', filter('concept', 'is-a', 'C')),
  vs('is-a-nothing', filter('concept', 'is-a', 'Z')),
  vs('red', filter('colour', '=', 'red')),
  vs('in-list', filter('concept', 'in', 'A1, B')),
  vs('not-in-list', filter('concept', 'not-in', 'A1,B')),
  vs('regex', filter('code', 'regex', 'A[0-9]+')),
  vs('colour-exists', filter('colour', 'exists', 'true')),
  vs('active-only', { inactive: false, include: [{ system: CS }] }),
  vs('whole', { include: [{ system: CS }] }),
  vs('intersection', { include: [{ system: CS, valueSet: [`${VS}is-a-A`] }] }),
  vs('intersection-of-imports', { include: [{ valueSet: [`${VS}is-a-A`, `${VS}red`] }] }),
  vs('import-missing', { include: [{ valueSet: [`${VS}does-not-exist`] }, { system: CS, concept: [{ code: 'B' }] }] }),
  vs('exclude-undecidable', {
    include: [{ system: SCT, concept: [{ code: '1' }, { code: '2' }] }],
    exclude: [{ system: SCT, filter: [{ property: 'concept', op: 'is-a', value: '2' }] }],
  }),
  vs('exclude-listed-from-external', {
    include: [{ system: SCT, filter: [{ property: 'concept', op: 'is-a', value: '404684003' }] }],
    exclude: [{ system: SCT, concept: [{ code: '999' }] }],
  }),
  vs('fragment-whole', { include: [{ system: 'http://example.org/fhir/CodeSystem/frag' }] }),
  vs('fragment-filter', {
    include: [{ system: 'http://example.org/fhir/CodeSystem/frag', filter: [{ property: 'concept', op: 'is-a', value: 'x' }] }],
  }),
  vs('expansion-only', undefined, {
    expansion: {
      timestamp: '2024-01-01',
      contains: [
        { system: CS, code: 'A' },
        { system: CS, code: 'B', contains: [{ system: CS, code: 'C' }] },
      ],
    },
  }),
  vs('expansion-partial', undefined, { expansion: { timestamp: '2024-01-01', total: 10, contains: [{ system: CS, code: 'A' }] } }),
  vs('versioned', { include: [{ system: CS, concept: [{ code: 'A' }] }] }, { version: '1.0.0' }),
  vs('cs-version-mismatch', { include: [{ system: CS, version: '2' }] }),
  vs('cs-version-match', { include: [{ system: CS, version: '1' }] }),
])
  pkg.add(r);

const later = new PackageSource({ name: 'example.terminology.next', version: '0.2.0' });
later.add(vs('versioned', { include: [{ system: CS, concept: [{ code: 'B' }] }] }, { version: '2.0.0' }));

const tx = new LocalTerminology(new Resolver([pkg, later]));
const result = (id: string, code: string, system: string | undefined = CS): string => tx.check(VS + id, system, code).result;

describe('hierarchy filters', () => {
  it('is-a includes the code and all its descendants', () => {
    expect(['A', 'A1', 'A11', 'A2', 'B', 'C'].map((c) => result('is-a-A', c))).toEqual(['in', 'in', 'in', 'in', 'not-in', 'not-in']);
  });

  it('descendent-of leaves the code out', () => {
    expect(['A', 'A1', 'A11', 'B'].map((c) => result('descendent-of-A', c))).toEqual(['not-in', 'in', 'in', 'not-in']);
  });

  it('is-not-a is the complement of is-a', () => {
    expect(['A', 'A11', 'B', 'C', 'Z'].map((c) => result('is-not-a-A', c))).toEqual(['not-in', 'not-in', 'in', 'in', 'not-in']);
  });

  it('generalizes gives the ancestors', () => {
    expect(['A11', 'A1', 'A', 'A2'].map((c) => result('generalizes-A11', c))).toEqual(['in', 'in', 'in', 'not-in']);
  });

  it('the `child` property adds a second parent', () => {
    expect(['C', 'A2', 'A1'].map((c) => result('is-a-C', c))).toEqual(['in', 'in', 'not-in']);
  });

  it('a filter value that is not a code of the system is unknown, not an empty set', () => {
    const r = tx.check(`${VS}is-a-nothing`, CS, 'A');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/"Z" is not a code/);
  });
});

describe('property, list and regex filters', () => {
  it('= on a concept property', () => {
    expect(['A', 'A2', 'B'].map((c) => result('red', c))).toEqual(['in', 'not-in', 'not-in']);
  });

  it('concept in / not-in lists', () => {
    expect(['A1', 'B', 'A'].map((c) => result('in-list', c))).toEqual(['in', 'in', 'not-in']);
    expect(['A1', 'B', 'A', 'C'].map((c) => result('not-in-list', c))).toEqual(['not-in', 'not-in', 'in', 'in']);
  });

  it('regex matches the whole code', () => {
    expect(['A1', 'A11', 'A', 'XA1'].map((c) => result('regex', c))).toEqual(['in', 'in', 'not-in', 'not-in']);
  });

  it('exists', () => {
    expect(['A', 'A2', 'A1'].map((c) => result('colour-exists', c))).toEqual(['in', 'in', 'not-in']);
  });
});

describe('compose', () => {
  it('inactive: false leaves retired concepts out', () => {
    expect(result('whole', 'B')).toBe('in');
    expect(result('active-only', 'B')).toBe('not-in');
    expect(result('active-only', 'A')).toBe('in');
  });

  it('system + valueSet in one include, and several valueSets, intersect', () => {
    expect(['A', 'A1', 'B'].map((c) => result('intersection', c))).toEqual(['in', 'in', 'not-in']);
    expect(['A', 'A2'].map((c) => result('intersection-of-imports', c))).toEqual(['in', 'not-in']);
  });

  it('cyclic imports are cut and answer unknown for what the cycle could add', () => {
    expect(result('cycle-a', 'A')).toBe('in');
    expect(result('cycle-a', 'B')).toBe('in');
    const other = tx.check(`${VS}cycle-a`, CS, 'C');
    expect(other.result).toBe('unknown');
    expect(other.reason).toMatch(/cyclic/);
    expect(result('cycle-b', 'B')).toBe('in');
    expect(result('cycle-b', 'C')).toBe('unknown');
  });

  it('an import that cannot be found makes everything not listed unknown', () => {
    expect(result('import-missing', 'B')).toBe('in');
    expect(tx.check(`${VS}import-missing`, CS, 'A').reason).toMatch(/does-not-exist is not available/);
    expect(result('import-missing', 'A', SCT)).toBe('unknown');
  });

  it('an exclude that cannot be decided turns listed codes into unknown, never not-in', () => {
    expect(result('exclude-undecidable', '1', SCT)).toBe('unknown');
    expect(result('exclude-undecidable', '3', SCT)).toBe('not-in');
  });

  it('an explicit exclude decides a code of an undecidable include', () => {
    expect(result('exclude-listed-from-external', '999', SCT)).toBe('not-in');
    expect(result('exclude-listed-from-external', '1000', SCT)).toBe('unknown');
  });

  it('fragments: listed codes in, others unknown; filters on them unknown', () => {
    const frag = 'http://example.org/fhir/CodeSystem/frag';
    expect(result('fragment-whole', 'x', frag)).toBe('in');
    expect(result('fragment-whole', 'y', frag)).toBe('unknown');
    expect(result('fragment-filter', 'x', frag)).toBe('unknown');
    expect(tx.checkCodeSystem(frag, 'y').result).toBe('unknown');
  });

  it('code system versions in includes', () => {
    expect(result('cs-version-match', 'A')).toBe('in');
    expect(result('cs-version-match', 'Q')).toBe('not-in');
    expect(result('cs-version-mismatch', 'Q')).toBe('unknown');
  });
});

describe('expansions and versions', () => {
  it('a value set given only as an expansion (nested contains)', () => {
    expect(['A', 'B', 'C', 'A1'].map((c) => result('expansion-only', c))).toEqual(['in', 'in', 'in', 'not-in']);
  });

  it('a partial expansion: listed codes in, others unknown', () => {
    expect(result('expansion-partial', 'A')).toBe('in');
    expect(result('expansion-partial', 'B')).toBe('unknown');
  });

  it('url|version picks that version; without a version the first found', () => {
    expect(result('versioned', 'A')).toBe('in');
    expect(result('versioned', 'B')).toBe('not-in');
    expect(tx.check(`${VS}versioned|2.0.0`, CS, 'B').result).toBe('in');
    expect(tx.check(`${VS}versioned|2.0.0`, CS, 'A').result).toBe('not-in');
    expect(tx.check(`${VS}versioned|1.0.0`, CS, 'A').result).toBe('in');
    expect(tx.check(`${VS}versioned|3.0.0`, CS, 'A').result).toBe('unknown');
  });
});

describe('TriSet', () => {
  it('follows three-valued logic', () => {
    const known = TriSet.of([
      ['a', { code: 'a' }],
      ['b', { code: 'b' }],
    ]);
    const open = TriSet.unknown('external');
    const u = TriSet.union(known, open);
    expect([u.status('a').s, u.status('z').s]).toEqual(['in', 'unknown']);
    const i = TriSet.intersect(known, open);
    expect([i.status('a').s, i.status('z').s]).toEqual(['unknown', 'not-in']);
    const m = TriSet.minus(open, known);
    expect([m.status('a').s, m.status('z').s]).toEqual(['not-in', 'unknown']);
  });
});
