/**
 * `invariants/intended`: which published constraints have an evident intent checked beside them
 * (`intendedExpression`), and the HCO 1.2.1 definition-URL quirk end to end — a pass and a fail
 * fixture from examples/hco/1.2.1 (ours), validated against HCO 1.2.1's message profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newValidator } from '../../../src/api/validate.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { intendedExpression } from '../../../src/validator/rules/invariants/constraints.js';
import { igDefinitions, issuesOf } from '../../helpers/validate.js';

const MD = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition';
const HCO_121 = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.2.1';

describe('intendedExpression', () => {
  it('value.matches(…) on a primitive: matches(…) on the value itself', () => {
    expect(intendedExpression("value.matches('^urn:uuid:[0-9a-f-]{36}$')")).toBe("matches('^urn:uuid:[0-9a-f-]{36}$')");
  });

  it('an unescaped | in a canonical pattern: the same pattern with a literal |', () => {
    expect(intendedExpression(`matches('^${MD}|1[.][0-9]{1,2}$')`)).toBe(`matches('^${MD}[|]1[.][0-9]{1,2}$')`);
  });

  it.each([
    // HCO 1.1.0's form has no pipe: it means what it says
    [`matches('^${MD}1[.][0-9]{1,2}$')`],
    // deliberate alternations: anchored on both sides, inside a group or a class, or more than one
    ["matches('^http://a.example/x$|^http://b.example/y$')"],
    ["matches('^http://a.example/(x|y)$')"],
    ["matches('^http://a.example/[x|y]$')"],
    ["matches('^http://a.example/x|1|2$')"],
    // not a canonical, not anchored, escaped: left alone
    ["matches('^urn:oid:1|2$')"],
    ["matches('http://a.example/x|1$')"],
    ["matches('^http://a.example/x\\\\|1$')"],
    ['value.exists()'],
  ])('%s: no intent of its own', (expression) => {
    expect(intendedExpression(expression)).toBeUndefined();
  });
});

describe('invariants/intended on HCO 1.2.1: medcom-hcobs-definition-url', () => {
  const example = (file: string): string =>
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'hco', '1.2.1', file), 'utf8');
  const validate = async (file: string) => {
    const v = newValidator(await igDefinitions(), { readXml, scopeProfile: HCO_121, rules: 'official' });
    return v.validateText(file, example(file), { profiles: [HCO_121] });
  };

  it('fails (a warning) on the 1.1.0 form …MessageDefinition1.1, which the published expression lets through', async () => {
    const r = await validate('valid/definition-1.1.0-form.json');
    expect(issuesOf(r, 'invariants/failed')).toEqual([]);
    const hits = issuesOf(r, 'invariants/intended');
    expect(hits.map((i) => [i.severity, i.location.fhirpath, i.constraintKey])).toEqual([
      ['warning', 'Bundle.entry[0].resource.definition', 'medcom-hcobs-definition-url'],
    ]);
    expect(hits[0]!.location.line).toBeGreaterThan(0);
  });

  it('passes on …MessageDefinition|1.1', async () => {
    const r = await validate('valid/new-message-blood-pressure.json');
    expect(issuesOf(r, 'invariants/intended')).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('is not reported where the published constraint fails already (another standard’s definition)', async () => {
    const r = await validate('invalid/invariants-hcobs-definition-url-other-standard.json');
    expect(issuesOf(r, 'invariants/failed').map((i) => i.constraintKey)).toContain('medcom-hcobs-definition-url');
    expect(issuesOf(r, 'invariants/intended')).toEqual([]);
  });
});
