/**
 * MedCom's own examples: every official ConditionList Bundle validates with zero errors; of the
 * ConditionList receive test examples, TestExample_invalid* (no diagnosis status) is rejected and
 * all others are accepted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGS } from '../../src/api/igs.js';
import { anchorsOrSkip } from '../helpers/shared.js';
import { sharedValidator } from '../helpers/validate.js';

const anchors = anchorsOrSkip('validator: official examples');
const profile = IGS.conditionlist.bundleProfile;

describe.skipIf(!anchors)('official ConditionList 1.0.1 examples', () => {
  // a skipped describe still runs its body to collect the tests: nothing here may need the anchors
  const dir = anchors ? join(anchors, 'conditionlist', 'examples') : '';
  const bundles = anchors ? readdirSync(dir).filter((f) => f.startsWith('Bundle-')) : [];

  it('are all found', () => {
    expect(bundles).toHaveLength(7);
  });

  it.each(bundles)('%s validates with zero errors', async (f) => {
    const v = await sharedValidator();
    const r = v.validateText(f, readFileSync(join(dir, f), 'utf8'), { profiles: [profile] });
    expect(r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([]);
    // warnings only of the kinds the official tooling gives too (docs/validator/official-examples.md)
    const kinds = new Set(
      r.issues.filter((i) => i.severity === 'warning').map((i) => `${i.ruleId}${i.constraintKey ? ':' + i.constraintKey : ''}`),
    );
    for (const k of kinds) expect(['invariants/failed:con-3', 'bindings/extensible']).toContain(k);
  });
});

describe.skipIf(!anchors)('ConditionList receive test examples (test protocol 1.0.1)', () => {
  const root = anchors ? join(anchors, '..', 'testscripts', 'conditionlist', 'test-examples', 'TestExamples', 'Receive') : '';
  const files = anchors ? ['Selftest', 'Livetest'].flatMap((d) => readdirSync(join(root, d)).map((f) => join(d, f))) : [];

  it('are all found', () => {
    expect(files).toHaveLength(14);
  });

  it.each(files)('%s', async (f) => {
    const v = await sharedValidator();
    const r = v.validateText(f, readFileSync(join(root, f), 'utf8'), { profiles: [profile] });
    const errors = r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    if (/TestExample_invalid/.test(f)) {
      expect(errors.map((e) => [e.ruleId, e.location.fhirpath])).toContainEqual(['slicing/slice-min', 'Bundle.entry[3].resource.category']);
    } else {
      expect(errors).toEqual([]);
    }
  });
});
