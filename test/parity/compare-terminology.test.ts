import { describe, expect, it } from 'vitest';
import type { FhirResource } from '../../src/defs/resource.js';
import { compareTerminology } from '../../src/parity/compare.js';

const synonym = (value: string) => ({ use: { system: 'http://snomed.info/sct', code: '900000000000013009' }, value });

function codeSystem(concept: unknown[]): FhirResource {
  return { resourceType: 'CodeSystem', url: 'http://example.org/cs', version: '1', content: 'complete', caseSensitive: false, concept };
}

describe('terminology parity compares designations and properties', () => {
  const official = codeSystem([
    {
      code: 'NPU02636',
      display: 'B—Leukocytter; antalk. = ? × 10^9/L',
      designation: [synonym('Leukocyttype gruppe;B')],
      property: [
        { code: 'status', valueCode: 'experimental' },
        { code: 'effectiveDate', valueDateTime: '2025-06-28' },
      ],
    },
    { code: 'other', display: 'Other', designation: [{ language: 'da', value: 'Andet' }] },
  ]);

  it('matches an identical code list (one item per code, plus content and caseSensitive)', () => {
    const r = compareTerminology(structuredClone(official), official);
    expect(r.differences).toEqual([]);
    expect([r.matching, r.elements]).toEqual([4, 4]);
  });

  it('reports a missing or different designation (language, use, value) without changing the item count', () => {
    const ours = structuredClone(official) as unknown as { concept: { designation?: unknown[] }[] };
    delete ours.concept[0]!.designation;
    ours.concept[1]!.designation = [{ language: 'en', value: 'Andet' }];
    const r = compareTerminology(ours as unknown as FhirResource, official);
    expect(r.differences.map((d) => [d.id, d.field])).toEqual([
      ['NPU02636', 'designation'],
      ['other', 'designation'],
    ]);
    expect([r.matching, r.elements]).toEqual([2, 4]);
  });

  it('reports a different designation use', () => {
    const ours = structuredClone(official) as unknown as { concept: { designation: { use?: unknown }[] }[] };
    ours.concept[0]!.designation[0]!.use = { code: '900000000000013009' };
    expect(compareTerminology(ours as unknown as FhirResource, official).differences.map((d) => d.field)).toEqual(['designation']);
  });

  it('reports different concept properties', () => {
    const ours = structuredClone(official) as unknown as { concept: { property?: unknown[] }[] };
    ours.concept[0]!.property = [
      { code: 'status', valueCode: 'active' },
      { code: 'effectiveDate', valueDateTime: '2025-06-28' },
    ];
    expect(compareTerminology(ours as unknown as FhirResource, official).differences.map((d) => [d.id, d.field])).toEqual([
      ['NPU02636', 'property'],
    ]);
  });

  it('compares the designations of concepts listed in a ValueSet include', () => {
    const vs = (designation: unknown[]): FhirResource => ({
      resourceType: 'ValueSet',
      url: 'http://example.org/vs',
      version: '1',
      compose: { include: [{ system: 'http://example.org/cs', concept: [{ code: 'MCS88122', display: 'Pt—Respiration', designation }] }] },
    });
    expect(compareTerminology(vs([synonym('Respirationsfrekvens;Pt')]), vs([synonym('Respirationsfrekvens;Pt')])).differences).toEqual([]);
    expect(compareTerminology(vs([]), vs([synonym('Respirationsfrekvens;Pt')])).differences.map((d) => d.id)).toEqual([
      'compose.include[0]',
    ]);
  });
});
