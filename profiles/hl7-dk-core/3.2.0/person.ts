import type { StructureHandle } from '../../../src/dsl/handles.js';
import { slicing } from '../../../src/dsl/index.js';

/** The Danish person identifiers, as DK Core slices them on Patient and RelatedPerson (given the version's identifier profiles). */
export const personIdentifiersOf = (h: {
  readonly Cpr: StructureHandle;
  readonly XeCpr: StructureHandle;
  readonly DeCpr: StructureHandle;
}) =>
  ({
    slicing: slicing.value('system'),
    slices: {
      cpr: { card: '0..1', short: '[DA] cpr-nummer, som det fremgår af CPR registeret', only: [h.Cpr] },
      'x-ecpr': { card: '0..1', short: '[DA] X-eCPR, tildelt fra den nationale eCPR service', only: [h.XeCpr] },
      'd-ecpr': { card: '0..1', short: '[DA] D-eCPR, decentral eCPR', only: [h.DeCpr] },
    },
  }) as const;

/** The official name (as registered in CPR), as DK Core slices it on Patient and RelatedPerson. */
export const officialName = {
  slicing: slicing.value('use'),
  slices: {
    official: {
      card: '0..1',
      short: '[DA] Officielt navn, som det fremgår af CPR registeret',
      elements: { use: { card: '1..', fixed: 'official' }, family: { card: '1..' } },
    },
  },
} as const;
