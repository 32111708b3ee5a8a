/**
 * medcom-ig on the R4 part of the HL7 validator's own test suite (scripts/conformance/suite.ts, `npm run
 * conformance`): the agreement with the Java validator's verdicts may only go up. The floor is the figure
 * reached (docs/conformance.md); raise it when a change lifts it. A small suite of our own checks the runner.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/parity/anchors.js';
import { loadSuite, renderSuiteTable, runSuite, suiteDir, summarizeSuite } from '../../scripts/conformance/suite.js';

/** The figures reached (docs/conformance.md): agreement may not drop below, false positives not rise above. */
const FLOOR = { agree: 445, falsePositivesMax: 0, crashedMax: 0 };

describe('the HL7 validator test suite (R4 part)', () => {
  const dir = suiteDir(sharedDir());
  if (!dir) console.warn('[hl7-suite] SKIPPED: ../shared/conformance/hl7-validator-tests not found (set MEDCOM_SHARED)');

  it.runIf(dir)(
    'agreement with the Java verdicts holds the floor; no crash; false positives do not rise',
    async () => {
      const results = await runSuite(dir!, loadSuite(dir!));
      const { total } = summarizeSuite(results);
      expect(total.checks).toBeGreaterThanOrEqual(461);
      expect(total.crashed).toBeLessThanOrEqual(FLOOR.crashedMax);
      expect(total.falsePositives).toBeLessThanOrEqual(FLOOR.falsePositivesMax);
      expect(total.agree).toBeGreaterThanOrEqual(FLOOR.agree);
    },
    600_000,
  );
});

describe('the conformance runner', () => {
  const root = mkdtempSync(join(tmpdir(), 'medcom-ig-suite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (name: string, value: unknown): void =>
    writeFileSync(join(root, name), typeof value === 'string' ? value : JSON.stringify(value));
  mkdirSync(join(root, 'outcomes', 'java'), { recursive: true });
  const outcome = (errors: number) => ({
    resourceType: 'OperationOutcome',
    issue: [
      ...Array.from({ length: errors }, () => ({ severity: 'error', code: 'invalid' })),
      { severity: 'warning', code: 'informational' },
    ],
  });
  write('good.json', { resourceType: 'Patient', gender: 'female' });
  write('bad.json', { resourceType: 'Patient', gender: 'femme' });
  // a profile given in XML (read by our XML reader), with a snapshot: Patient.birthDate 1..1
  write(
    'profile.xml',
    `<StructureDefinition xmlns="http://hl7.org/fhir"><url value="http://example.org/StructureDefinition/p"/><name value="P"/>
<status value="draft"/><kind value="resource"/><abstract value="false"/><type value="Patient"/>
<baseDefinition value="http://hl7.org/fhir/StructureDefinition/Patient"/><derivation value="constraint"/>
<differential><element id="Patient.birthDate"><path value="Patient.birthDate"/><min value="1"/></element></differential>
</StructureDefinition>`,
  );
  // a profile whose base is nowhere: no snapshot can be generated for it
  write(
    'orphan.xml',
    `<StructureDefinition xmlns="http://hl7.org/fhir"><url value="http://example.org/StructureDefinition/orphan"/><name value="O"/>
<status value="draft"/><kind value="resource"/><abstract value="false"/><type value="Patient"/>
<baseDefinition value="http://example.org/StructureDefinition/nowhere"/><derivation value="constraint"/>
<differential><element id="Patient.gender"><path value="Patient.gender"/><min value="1"/></element></differential>
</StructureDefinition>`,
  );
  write('outcomes/java/good.json', outcome(0));
  write('outcomes/java/R4.bad-base.json', outcome(1));
  write('outcomes/java/good-profile.json', outcome(1));
  write('manifest.json', {
    'test-cases': [
      {
        name: 'good',
        file: 'good.json',
        module: 'general',
        java: 'java/good.json',
        profile: { source: 'profile.xml', java: 'java/good-profile.json' },
      },
      { name: 'bad', file: 'bad.json', module: 'general', java: 'java/absent.json' },
      { name: 'counted', file: 'bad.json', module: 'fmt', java: { errorCount: 3 } },
      { name: 'none', file: 'good.json', module: 'fmt', java: 'java/none.json' },
      {
        name: 'orphan',
        file: 'good.json',
        module: 'fmt',
        java: 'java/good.json',
        profile: { source: 'orphan.xml', java: 'java/good.json' },
      },
    ],
  });

  it('makes a base and a profile check per case, with Java’s error count (named outcome, the runner’s own, errorCount)', () => {
    const checks = loadSuite(root);
    expect(checks.map((c) => [c.case, c.kind, c.expectedErrors])).toEqual([
      ['good', 'base', 0],
      ['good', 'profile', 1],
      ['bad', 'base', 1],
      ['counted', 'base', 3],
      ['none', 'base', undefined],
      ['orphan', 'base', 0],
      ['orphan', 'profile', 0],
    ]);
    expect(checks[1]!.supporting).toEqual(['profile.xml']);
  });

  it('counts agreement on the verdict and the exact count; a profile no snapshot can be had for gives no verdict', async () => {
    const results = await runSuite(root, loadSuite(root));
    expect(results.map((r) => [r.case, r.kind, r.errors, r.note, r.agree, r.exact])).toEqual([
      ['good', 'base', 0, undefined, true, true],
      // differential only: its snapshot is generated (birthDate 1..1)
      ['good', 'profile', 1, undefined, true, true],
      ['bad', 'base', 1, undefined, true, true],
      ['counted', 'base', 1, undefined, true, false],
      ['orphan', 'base', 0, undefined, true, true],
      // its base is nowhere: not usable — never counted as agreeing
      ['orphan', 'profile', undefined, 'profile-unusable', false, false],
    ]);
    const summary = summarizeSuite(results);
    expect(summary.rows.map((r) => [r.module, r.checks, r.agree, r.noVerdict, r.exact])).toEqual([
      ['fmt', 3, 2, 1, 1],
      ['general', 3, 3, 0, 3],
    ]);
    expect(summary.total).toMatchObject({ checks: 6, agree: 5, falsePositives: 0, falseNegatives: 0, noVerdict: 1, crashed: 0 });
    expect(renderSuiteTable(summary).split('\n').at(-2)).toMatch(/^all\s+6\s+5\s+83\.3 %/);
  });
});
