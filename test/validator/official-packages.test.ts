/**
 * `--package` on the official packages: the official HCO and Notes examples validated against the
 * packages loaded from ../shared/anchors/medcom (an official package replaces ours of the same
 * id#version). test/chains/official-examples.test.ts does the same on our own compiled chains.
 * Also: the XML and JSON forms of the same bundles give the same findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { FileReport } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import { LocalTerminology } from '../../src/validator/terminology/local.js';
import { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('validator: official HCO and Notes packages');
// pinned: the anchors hold later HCO versions too (1.1.1-trial-use, 1.2.0, 1.2.1), and a canonical
// without |version resolves to the newest version loaded (issue 14)
const HCO = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.0-trial-use';
const NOTES = 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle|1.0.0';

function errors(r: FileReport): [string, string][] {
  return r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => [i.ruleId, i.location.fhirpath]);
}

describe.skipIf(!anchors)('official HCO 1.1.0 and Notes 1.0.0 examples, against the official packages', () => {
  let hco: Validator;
  let notes: Validator;
  beforeAll(async () => {
    const defs = await validationDefinitions([anchors!]);
    hco = new Validator({ definitions: defs, terminology: (r) => new LocalTerminology(r), readXml, scopeProfile: HCO, rules: 'official' });
    notes = new Validator({
      definitions: defs,
      terminology: (r) => new LocalTerminology(r),
      readXml,
      scopeProfile: NOTES,
      rules: 'official',
    });
  }, 120_000);

  const hcoExamples = anchors
    ? readdirSync(join(anchors, 'hco', 'examples'))
        .filter((f) => f.startsWith('Bundle-'))
        .map((f) => join(anchors, 'hco', 'examples', f))
    : [];
  const scripts = anchors ? join(anchors, '..', 'testscripts', 'homecareobservation', 'test-examples', 'testscripts-ig-1.0.0-draft') : '';
  const hcoScripts = anchors
    ? readdirSync(scripts)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(scripts, f))
    : [];
  const notesExamples = anchors
    ? readdirSync(join(anchors, 'notes', 'examples'))
        .filter((f) => f.startsWith('Bundle-'))
        .map((f) => join(anchors, 'notes', 'examples', f))
    : [];

  it('finds the 5 HCO bundles, the 6 test-script bundles and the 2 Notes bundles', () => {
    expect([hcoExamples.length, hcoScripts.length, notesExamples.length]).toEqual([5, 6, 2]);
  });

  it.each([...hcoExamples, ...hcoScripts])('HCO %s: zero errors', (file) => {
    expect(errors(hco.validateText(file, readFileSync(file, 'utf8'), { profiles: [HCO] }))).toEqual([]);
  });

  it.each(notesExamples)('Notes %s: zero errors, only the documented category warning', (file) => {
    const r = notes.validateText(file, readFileSync(file, 'utf8'), { profiles: [NOTES] });
    expect(errors(r)).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => [i.ruleId, i.location.fhirpath])).toEqual([
      ['bindings/extensible', 'Bundle.entry[0].resource.category[0]'],
    ]);
  });

  it('catches a broken HCO message', () => {
    const file = hcoExamples[0]!;
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
    const report = bundle.entry.find((e) => e.resource['resourceType'] === 'DiagnosticReport')!.resource;
    delete report['status'];
    const header = bundle.entry[0]!.resource;
    header['definition'] = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1.1';
    const r = hco.validateText('broken.json', JSON.stringify(bundle, null, 2), { profiles: [HCO] });
    expect(errors(r)).toEqual(
      expect.arrayContaining([
        ['cardinality/min', 'Bundle.entry[2].resource.status'],
        ['invariants/failed', 'Bundle.entry[0].resource.definition'],
      ]),
    );
  });

  it.each(hcoScripts.map((f) => f.replace(/\.json$/, '')))('%s: XML and JSON give the same findings', (stem) => {
    const key = (r: FileReport): string[] =>
      r.issues.map((i) => `${i.severity} ${i.ruleId} ${i.location.fhirpath} ${i.constraintKey ?? ''}`).sort();
    const json = hco.validateText(`${stem}.json`, readFileSync(`${stem}.json`, 'utf8'), { profiles: [HCO] });
    const xml = hco.validateText(`${stem}.xml`, readFileSync(`${stem}.xml`, 'utf8'), { profiles: [HCO] });
    expect(key(xml)).toEqual(key(json));
    expect(xml.issues.every((i) => (i.location.line ?? 0) > 0)).toBe(true);
  });
});
