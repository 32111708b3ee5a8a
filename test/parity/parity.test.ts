import { describe, expect, it } from 'vitest';
import { indexAnchors } from '../../src/parity/anchors.js';
import { packageParity, type PackageParity } from '../../src/parity/run.js';
import { builtIg } from '../helpers/build.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('parity');

/** The chains we build: every StructureDefinition of these packages must be authored. */
const CHAIN_COMPLETE_SDS = [
  'medcom.fhir.dk.core#2.4.0',
  'medcom.fhir.dk.document#1.0.1',
  'medcom.fhir.dk.conditionlist#1.0.1',
  'hl7.fhir.dk.core#3.2.0',
  'hl7.fhir.dk.core#3.4.0',
  'hl7.fhir.dk.core#3.5.0',
  'medcom.fhir.dk.messaging#3.0.0',
  'medcom.fhir.dk.messagedefinitions#1.0.0-trial-use',
  'medcom.fhir.dk.homecareobservation#1.1.0-trial-use',
  'medcom.fhir.dk.messagedefinitions#1.0.1-trial-use',
  'medcom.fhir.dk.messagedefinitions#1.0.0',
  'medcom.fhir.dk.homecareobservation#1.1.1-trial-use',
  'medcom.fhir.dk.homecareobservation#1.2.0',
  'medcom.fhir.dk.homecareobservation#1.2.1',
  'medcom.fhir.dk.core#4.0.0',
  'medcom.fhir.dk.document#2.0.2',
  'medcom.fhir.dk.notes#1.0.0',
];

describe.skipIf(!anchors)('parity with the official MedCom packages', async () => {
  // a skipped describe still runs its body to collect the tests: nothing here may need the anchors
  const build = anchors ? await builtIg() : undefined;
  const index = anchors ? indexAnchors(anchors) : undefined;
  const results: PackageParity[] = build && index ? build.packages.map((p) => packageParity(p, index)) : [];

  it('builds without errors', () => {
    expect(build!.diagnostics.errors).toEqual([]);
  });

  it.each(CHAIN_COMPLETE_SDS)('%s: every official StructureDefinition is authored', (label) => {
    const r = results.find((p) => `${p.packageId}#${p.version}` === label);
    expect(r, label).toBeDefined();
    expect(r!.notAuthored.filter((n) => n.startsWith('StructureDefinition/'))).toEqual([]);
    expect(r!.unmatched).toEqual([]);
  });

  const cases = results.flatMap((p) =>
    [...p.structures, ...p.terminology].map((s) => [`${p.packageId}#${p.version} ${s.kind}/${s.url.split('/').pop()}`, s] as const),
  );
  it.each(cases)('%s: 100 %% element parity', (_label, s) => {
    expect(s.differences).toEqual([]);
    expect(s.matching).toBe(s.elements);
  });

  it('covers the whole chain (at least 50 StructureDefinitions)', () => {
    expect(results.reduce((n, p) => n + p.structures.length, 0)).toBeGreaterThanOrEqual(50);
  });
});
