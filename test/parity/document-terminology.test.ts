import { describe, expect, it } from 'vitest';
import { buildIg } from '../../src/api/build.js';
import { packageContents } from '../../src/dsl/index.js';
import { indexAnchors } from '../../src/parity/anchors.js';
import { packageParity } from '../../src/parity/run.js';
import { pkg } from '../../profiles/medcom-document/2.0.2/package.js';
import { documentTerminology } from '../../profiles/medcom-document/2.0.2/terminology.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('document-terminology');

// Document 2.0.2's TEMP terminology, built on its own: the package (with its profiles) is registered in
// profiles/index.ts by the Document 2.0.2 chain; this keeps the terminology module checked either way.
describe.skipIf(!anchors)('MedCom Document 2.0.2 TEMP terminology', async () => {
  // a skipped describe still runs its body to collect the tests: nothing here may need the anchors
  const build = anchors ? await buildIg({ packages: [packageContents(pkg, documentTerminology)] }) : undefined;
  const parity =
    build && anchors ? packageParity(build.packages[0]!, indexAnchors(anchors)) : { notAuthored: [], unmatched: [], terminology: [] };

  it('builds without errors', () => {
    expect(build!.diagnostics.errors).toEqual([]);
  });

  it('authors every published CodeSystem and ValueSet (4 + 9)', () => {
    expect(parity.notAuthored.filter((n) => !n.startsWith('StructureDefinition/'))).toEqual([]);
    expect(parity.unmatched).toEqual([]);
    expect(parity.terminology.map((t) => t.kind).sort()).toEqual([...Array(4).fill('CodeSystem'), ...Array(9).fill('ValueSet')]);
  });

  it.each(parity.terminology.map((t) => [`${t.kind}/${t.url.split('/').pop()}`, t] as const))('%s: 100 %% parity', (_label, t) => {
    expect(t.differences).toEqual([]);
    expect(t.matching).toBe(t.elements);
  });
});
