/**
 * profiles/other-version (issue 14, item 3): a file with errors against the version of its standard
 * it was validated against, which conforms to other versions we build, gets one information finding
 * at the root naming them and the pin; the verdict stays the one of the version asked for. A file
 * that conforms to the version asked for, or to no version, gets none. Our own HCO examples.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, validationDefinitions } from '../../../src/api/validate.js';
import type { Definitions } from '../../../src/defs/registry.js';
import type { FileReport } from '../../../src/validator/issue.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'hco');
const V121 = join(EXAMPLES, '1.2.1');
let defs: Definitions;
beforeAll(async () => {
  defs = await validationDefinitions();
}, 120_000);

async function validate(file: string, ig: string, locale: 'en' | 'da' = 'en', suppress: string[] = []): Promise<FileReport> {
  const report = await validateFiles({ inputs: [file], ig, locale, suppress }, defs);
  expect(report.files).toHaveLength(1);
  return report.files[0]!;
}
const otherVersion = (r: FileReport) => r.issues.filter((i) => i.ruleId === 'profiles/other-version');
const errorIds = (r: FileReport) => r.issues.filter((i) => i.severity === 'error').map((i) => `${i.ruleId} ${i.location.fhirpath}`);

describe('profiles/other-version', () => {
  it('a 1.2.1 message validated as hco@1.1.0-trial-use: the 1.1.0 errors stand, and one finding names 1.1.1-trial-use, 1.2.0, 1.2.1 and the pin', async () => {
    const r = await validate(join(V121, 'valid', 'new-message-blood-pressure.json'), 'hco@1.1.0-trial-use');
    expect(r.valid).toBe(false);
    expect(errorIds(r)).toContain('invariants/failed Bundle.entry[0].resource.definition');
    const found = otherVersion(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'information',
      location: { fhirpath: 'Bundle', line: 1, column: 1 },
      params: { standard: 'hco', version: '1.1.0-trial-use', fits: '1.1.1-trial-use, 1.2.0, 1.2.1', pin: 'hco@1.2.1' },
    });
  }, 120_000);

  it('in Danish too', async () => {
    const r = await validate(join(V121, 'valid', 'new-message-blood-pressure.json'), 'hco@1.1.0-trial-use', 'da');
    expect(otherVersion(r).map((i) => i.params)).toEqual([
      { standard: 'hco', version: '1.1.0-trial-use', fits: '1.1.1-trial-use, 1.2.0, 1.2.1', pin: 'hco@1.2.1' },
    ]);
  }, 120_000);

  it('a 1.1.0-form message validated as hco (1.2.1) fits 1.2.1 as published: no finding; nor as hco@1.1.0-trial-use', async () => {
    for (const ig of ['hco', 'hco@1.1.0-trial-use']) {
      const r = await validate(join(EXAMPLES, 'valid', 'new-message-quantity.json'), ig);
      expect(errorIds(r), ig).toEqual([]);
      expect(otherVersion(r), ig).toEqual([]);
    }
    const r = await validate(join(V121, 'valid', 'definition-1.1.0-form.json'), 'hco');
    expect(errorIds(r)).toEqual([]);
    expect(otherVersion(r)).toEqual([]);
  }, 120_000);

  it('a message that fits no version we build (valueCodeableConcept, closed type slicing in every version): errors, no finding', async () => {
    for (const ig of ['hco', 'hco@1.1.0-trial-use']) {
      const r = await validate(join(V121, 'invalid', 'slicing-no-match-closed-observation-value-codeableconcept.json'), ig);
      expect(r.valid, ig).toBe(false);
      expect(otherVersion(r), ig).toEqual([]);
    }
  }, 120_000);

  it("the run's suppressions count in the other versions too: an error suppressed is not held against them", async () => {
    const message = JSON.parse(readFileSync(join(V121, 'valid', 'new-message-blood-pressure.json'), 'utf8')) as Record<string, unknown>;
    delete message['timestamp'];
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-other-version-'));
    const file = join(dir, 'no-timestamp.json');
    writeFileSync(file, JSON.stringify(message, null, 2));
    try {
      const plain = await validate(file, 'hco@1.1.0-trial-use');
      expect(errorIds(plain)).toContain('cardinality/min Bundle.timestamp');
      expect(otherVersion(plain)).toEqual([]); // the missing timestamp fails every version
      const suppressed = await validate(file, 'hco@1.1.0-trial-use', 'en', ['cardinality/min@Bundle.timestamp']);
      expect(errorIds(suppressed)).not.toContain('cardinality/min Bundle.timestamp');
      expect(otherVersion(suppressed).map((i) => i.params['pin'])).toEqual(['hco@1.2.1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("the standard's package pinned by id#version is the standard at that version: the same finding", async () => {
    const r = await validate(join(V121, 'valid', 'new-message-blood-pressure.json'), 'medcom.fhir.dk.homecareobservation#1.1.0-trial-use');
    expect(otherVersion(r).map((i) => i.params['pin'])).toEqual(['hco@1.2.1']);
  }, 120_000);
});
