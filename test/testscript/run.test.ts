import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { sharedDir } from '../../src/parity/anchors.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { compare, renderTestScriptJunit, runTestScript, type AssertResult, type TestScriptRunReport } from '../../src/testscript/run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const clValid = join(root, 'examples', 'conditionlist', 'valid');
const clInvalid = join(root, 'examples', 'conditionlist', 'invalid');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-testscript-'));
let defs: Definitions;
beforeAll(async () => {
  defs = await validationDefinitions();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CL_BUNDLE = 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle';
let n = 0;

/** An assert as the tests write it (`warningOnly` defaults to false, `direction` to request). */
type Assert = Omit<fhir4.TestScriptSetupActionAssert, 'warningOnly'> & { warningOnly?: boolean };

/** A TestScript with one fixture posted once, then the given asserts (all `direction: request` unless said). */
function script(asserts: Assert[], extra: Partial<fhir4.TestScript> = {}): string {
  const ts: fhir4.TestScript = {
    resourceType: 'TestScript',
    id: `t${++n}`,
    name: `T${n}`,
    status: 'draft',
    url: `http://example.org/TestScript/t${n}`,
    profile: [
      { id: 'cl', reference: CL_BUNDLE },
      { id: 'elsewhere', reference: 'http://example.org/StructureDefinition/not-in-this-build' },
    ],
    fixture: [
      { id: 'doc', autocreate: false, autodelete: false, resource: { reference: 'several.json' } },
      { id: 'other', autocreate: false, autodelete: false, resource: { reference: 'minimal.json' } },
      { id: 'absent', autocreate: false, autodelete: false, resource: { reference: 'nowhere.json' } },
    ],
    test: [
      {
        name: 'post',
        action: [
          { operation: { type: { code: 'create' }, resource: 'Bundle', encodeRequestUrl: true, sourceId: 'doc' } },
          ...asserts.map((a) => ({ assert: { direction: 'request' as const, ...a, warningOnly: a.warningOnly ?? false } })),
        ],
      },
    ],
    ...extra,
  };
  const dir = join(tmp, `s${n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'several.json'), readFileSync(join(clValid, 'several-conditions-icpc2-sksd.json')));
  writeFileSync(join(dir, 'minimal.json'), readFileSync(join(clValid, 'minimal-one-condition.json')));
  const file = join(dir, 'TestScript.json');
  writeFileSync(file, JSON.stringify(ts));
  return file;
}

async function run(file: string, fixtures: Record<string, string> = {}): Promise<TestScriptRunReport> {
  return runTestScript({ file, fixtures, definitions: defs });
}

async function outcomes(asserts: Assert[]): Promise<AssertResult[]> {
  return (await run(script(asserts))).tests[0]!.asserts;
}

describe('TestScript asserts, offline', () => {
  it('resource: the request payload type', async () => {
    const r = await outcomes([
      { description: 'a Bundle', resource: 'Bundle' },
      { description: 'a Patient', resource: 'Patient' },
    ]);
    expect(r.map((a) => [a.kind, a.outcome])).toEqual([
      ['resource', 'pass'],
      ['resource', 'fail'],
    ]);
  });

  it('validateProfileId: valid passes, invalid fails with the validator findings, a profile this build does not have is not checked', async () => {
    const invalid = readdirSync(clInvalid).find((f) => f.startsWith('cardinality-min-composition-title'))!;
    const file = script([
      { description: 'valid', validateProfileId: 'cl' },
      { description: 'elsewhere', validateProfileId: 'elsewhere' },
    ]);
    const ok = await run(file);
    expect(ok.tests[0]!.asserts.map((a) => a.outcome)).toEqual(['pass', 'not-checked']);
    expect(ok.tests[0]!.asserts[1]!.detail).toMatch(/not-in-this-build is not available offline/);
    // not checked is never passed, and it does not fail the script: the verdict says incomplete
    expect(ok.summary).toMatchObject({ pass: 1, 'not-checked': 1, error: 0, verdict: 'incomplete' });
    const bad = await run(file, { doc: join(clInvalid, invalid) });
    const a = bad.tests[0]!.asserts[0]!;
    expect(a.outcome).toBe('fail');
    expect(a.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'cardinality/min', fhirpath: 'Bundle.entry[0].resource.title' })]),
    );
    expect(bad.summary.verdict).toBe('fail');
  });

  it('expression: true or not, and with operator + value (equals, notEquals, in)', async () => {
    const r = await outcomes([
      { description: 'more than one', expression: 'Bundle.entry.resource.ofType(Condition).count() > 1' },
      { description: 'exactly one', expression: 'Bundle.entry.resource.ofType(Condition).count() = 1' },
      { description: 'type equals', expression: 'Bundle.type', operator: 'equals', value: 'document' },
      { description: 'type equals (wrong)', expression: 'Bundle.type', operator: 'equals', value: 'message' },
      { description: 'notEquals', expression: 'Bundle.type', operator: 'notEquals', value: 'message' },
      { description: 'in', expression: 'Bundle.type', operator: 'in', value: 'message,document' },
      { description: 'in (wrong)', expression: 'Bundle.type', operator: 'in', value: 'message,collection' },
    ]);
    expect(r.map((a) => a.outcome)).toEqual(['pass', 'fail', 'pass', 'fail', 'pass', 'pass', 'fail']);
    expect(r[3]).toMatchObject({ actual: '["document"]', expected: 'message' });
  });

  it("expression: a #id inside a Bundle entry resolves to that entry's contained resource", async () => {
    const b = JSON.parse(readFileSync(join(clValid, 'several-conditions-icpc2-sksd.json'), 'utf8')) as {
      entry: { resource: Record<string, unknown> }[];
    };
    const condition = b.entry.map((e) => e.resource).find((r) => r['resourceType'] === 'Condition')!;
    condition['contained'] = [{ resourceType: 'Practitioner', id: 'asserter', name: [{ family: 'Contained' }] }];
    condition['asserter'] = { reference: '#asserter' };
    const doc = join(tmp, 'contained-asserter.json');
    writeFileSync(doc, JSON.stringify(b));
    const rep = await run(
      script([
        {
          description: 'as a Reference',
          expression: "Bundle.entry.resource.ofType(Condition).asserter.resolve().name.family = 'Contained'",
        },
        {
          description: 'as its string',
          expression: "Bundle.entry.resource.ofType(Condition).asserter.reference.resolve().name.family = 'Contained'",
        },
      ]),
      { doc },
    );
    expect(rep.tests[0]!.asserts.map((a) => a.outcome)).toEqual(['pass', 'pass']);
  });

  it('warningOnly turns a failure into a warning (the verdict stays pass); a passing one is a pass', async () => {
    const rep = await run(
      script([
        { description: 'warn', expression: "Bundle.type = 'message'", warningOnly: true },
        { description: 'fine', expression: "Bundle.type = 'document'", warningOnly: true },
      ]),
    );
    expect(rep.tests[0]!.asserts.map((a) => a.outcome)).toEqual(['warning', 'pass']);
    expect(rep.summary.verdict).toBe('pass');
  });

  it('direction response and responseCode are not applicable offline, never passed', async () => {
    const r = await outcomes([
      { description: 'status', direction: 'response', responseCode: '200,201', operator: 'in' },
      { description: 'response payload', direction: 'response', expression: 'OperationOutcome.exists()' },
    ]);
    expect(r.map((a) => a.outcome)).toEqual(['not-applicable', 'not-applicable']);
  });

  it('compareToSourceId + compareToSourceExpression compare with another fixture (equals / notEquals)', async () => {
    const r = await outcomes([
      {
        description: 'same type',
        expression: 'Bundle.type',
        compareToSourceId: 'other',
        compareToSourceExpression: 'Bundle.type',
        operator: 'equals',
      },
      {
        description: 'different patient',
        expression: 'Bundle.entry[0].resource.title',
        compareToSourceId: 'other',
        compareToSourceExpression: 'Bundle.entry[0].resource.title',
        operator: 'notEquals',
      },
      {
        description: 'same title (wrong)',
        expression: 'Bundle.entry[0].resource.title',
        compareToSourceId: 'other',
        compareToSourceExpression: 'Bundle.entry[0].resource.title',
        operator: 'equals',
      },
    ]);
    expect(r.map((a) => [a.kind, a.outcome])).toEqual([
      ['compareToSource', 'pass'],
      ['compareToSource', 'pass'],
      ['compareToSource', 'fail'],
    ]);
  });

  it('${variables} come from their source fixture; a missing fixture is reported and makes its asserts errors', async () => {
    const file = script(
      [
        { description: 'same composition id', expression: "Bundle.entry[0].resource.id = '${compositionId}'" },
        { description: 'from the absent fixture', expression: "Bundle.id = '${absentId}'" },
      ],
      {
        variable: [
          { name: 'compositionId', expression: 'Bundle.entry[0].resource.id', sourceId: 'doc' },
          { name: 'absentId', expression: 'Bundle.id', sourceId: 'absent' },
        ],
      },
    );
    const rep = await run(file);
    expect(rep.tests[0]!.asserts.map((a) => a.outcome)).toEqual(['pass', 'error']);
    expect(rep.tests[0]!.asserts[1]!.detail).toMatch(/fixture 'absent' is missing/);
    expect(rep.fixtures.find((f) => f.id === 'absent')).toMatchObject({ missing: true });
    expect(rep.summary.verdict).toBe('fail');
  });

  it("a variable from a create's response is read from the payload it sent (and says so); from a read's response it is not checked", async () => {
    const a = (description: string, expression: string) => ({
      assert: { description, direction: 'request' as const, expression, warningOnly: false },
    });
    const file = script([], {
      variable: [
        { name: 'createdType', expression: 'Bundle.type', sourceId: 'created-doc' },
        { name: 'readType', expression: 'Bundle.type', sourceId: 'read-doc' },
      ],
      test: [
        {
          name: 'flow',
          action: [
            {
              operation: {
                type: { code: 'create' },
                resource: 'Bundle',
                encodeRequestUrl: true,
                sourceId: 'doc',
                responseId: 'created-doc',
              },
            },
            { operation: { type: { code: 'read' }, resource: 'Bundle', encodeRequestUrl: true, params: '/x', responseId: 'read-doc' } },
            { operation: { type: { code: 'create' }, resource: 'Bundle', encodeRequestUrl: true, sourceId: 'other' } },
            a('same type as the created one', "Bundle.type = '${createdType}'"),
            a('another type than the created one (wrong)', "Bundle.type != '${createdType}'"),
            a('same type as the read one', "Bundle.type = '${readType}'"),
          ],
        },
      ],
    });
    const r = (await run(file)).tests[0]!.asserts;
    expect(r.map((x) => x.outcome)).toEqual(['pass', 'fail', 'not-checked']);
    expect(r[0]!.detail).toContain("${createdType} read from fixture 'doc', the payload of the create whose response is 'created-doc'");
    expect(r[2]!.detail).toMatch(/variable \$\{readType\} comes from the response of a read \('read-doc'\), which needs a server/);
  });

  it('an assert after an operation that sends nothing has no payload: an error, not an assert on an earlier fixture', async () => {
    const file = script([], {
      test: [
        {
          name: 'read',
          action: [
            { operation: { type: { code: 'create' }, resource: 'Bundle', encodeRequestUrl: true, sourceId: 'doc' } },
            { operation: { type: { code: 'read' }, resource: 'Bundle', encodeRequestUrl: true, params: '/x' } },
            { assert: { description: 'a Bundle', direction: 'request', resource: 'Bundle', warningOnly: false } },
          ],
        },
      ],
    });
    const r = (await run(file)).tests[0]!.asserts;
    expect(r.map((x) => [x.outcome, x.detail])).toEqual([['error', 'no operation before this assert sent a fixture']]);
  });

  it('junit.xml: one test case per assert, failures, errors and skipped as they are, well-formed', async () => {
    const rep = await run(
      script(
        [
          { description: 'a Bundle', resource: 'Bundle' },
          { description: 'a Patient <&>', resource: 'Patient' },
          { description: 'status', direction: 'response', responseCode: '200,201', operator: 'in' },
          { description: 'from the absent fixture', expression: "Bundle.id = '${absentId}'" },
        ],
        { variable: [{ name: 'absentId', expression: 'Bundle.id', sourceId: 'absent' }] },
      ),
    );
    const text = renderTestScriptJunit([rep]);
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(
      text,
    ) as {
      testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: { testcase: { name: string }[] } };
    };
    expect(parsed.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    expect(parsed.testsuites.testsuite.testcase.map((c) => c.name)).toContain('#3 resource: a Patient <&>');
  });

  it('operators on plain values', () => {
    expect(compare('empty', [], '')).toBe(true);
    expect(compare('notEmpty', [], '')).toBe(false);
    expect(compare('greaterThan', [3], '2')).toBe(true);
    expect(compare('contains', ['abc'], 'b')).toBe(true);
    expect(compare(undefined, [true], undefined)).toBe(true);
    expect(compare(undefined, [true, true], undefined)).toBe(false);
  });
});

describe('medcom-ig testscript run', () => {
  const bin = join(root, 'bin', 'medcom-ig.js');
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

  it('exit 0 when every assert passes or is not applicable, 1 on a failure, 2 on bad input', () => {
    const ok = script(
      [
        { description: 'a Bundle', resource: 'Bundle' },
        { description: 'status', direction: 'response', responseCode: '200,201', operator: 'in' },
      ],
      { fixture: [{ id: 'doc', autocreate: false, autodelete: false, resource: { reference: 'several.json' } }] },
    );
    const r = cli('testscript', 'run', ok);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS: 1 passed, 0 failed, 0 warning\(s\), 1 not applicable offline, 0 not checked, 0 error\(s\)/);
    const fail = script([{ description: 'a Patient', resource: 'Patient' }]);
    expect(cli('testscript', 'run', fail).status).toBe(1);
    const missing = cli('testscript', 'run', join(tmp, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such TestScript file/);
    const badFixture = cli('testscript', 'run', ok, '--fixture', 'nofixture=x.json');
    expect(badFixture.status).toBe(2);
    expect(badFixture.stderr).toMatch(/the TestScript .*TestScript\.json has no fixture 'nofixture'/);
    const badDir = cli('testscript', 'run', ok, '--fixtures', join(tmp, 'no-such-dir'));
    expect(badDir.status).toBe(2);
    expect(badDir.stderr).toMatch(/no-such-dir: no such fixtures folder/);
    expect(badDir.stderr).not.toMatch(/\n\s+at /);
    const notScript = join(tmp, 'patient.json');
    writeFileSync(notScript, JSON.stringify({ resourceType: 'Patient' }));
    const wrong = cli('testscript', 'run', notScript);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/patient\.json: not a TestScript resource \(a Patient\)/);
    const badXml = join(tmp, 'broken.xml');
    writeFileSync(badXml, '<TestScript xmlns="http://hl7.org/fhir"><id value="x"/>');
    const xml = cli('testscript', 'run', badXml);
    expect(xml.status).toBe(2);
    expect(xml.stderr).toMatch(/broken\.xml(:\d+:\d+)?: .*not a readable FHIR XML TestScript/);
    expect(xml.stderr).not.toMatch(/\n\s+at /);
  });

  it('--fixtures <dir> matches fixtures by the file name of their reference (same stem, .json or .xml); a profile not built is not checked, exit 0', () => {
    const file = script(
      [
        { description: 'a Bundle', resource: 'Bundle' },
        { description: 'elsewhere', validateProfileId: 'elsewhere' },
      ],
      {
        fixture: [
          {
            id: 'doc',
            autocreate: false,
            autodelete: false,
            resource: { reference: '/FHIRSandbox/MedCom/X/Fixtures/ConditionList-fixture.xml' },
          },
        ],
      },
    );
    const dir = join(tmp, 'fixtures-dir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ConditionList-fixture.json'), readFileSync(join(clValid, 'minimal-one-condition.json')));
    const missing = cli('testscript', 'run', file);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('fixture doc MISSING:');
    expect(missing.stdout).toContain('supply it with --fixture doc=<file> or --fixtures <dir> holding ConditionList-fixture.xml');
    const r = cli('testscript', 'run', file, '--fixtures', dir);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`fixture doc: ${join(dir, 'ConditionList-fixture.json')} (--fixtures)`);
    expect(r.stdout).toMatch(
      /NOT CHECKED post #3 validateProfileId: elsewhere — not checked: profile http:\/\/example\.org\/StructureDefinition\/not-in-this-build is not available offline/,
    );
    expect(r.stdout).toMatch(/INCOMPLETE: 1 passed, 0 failed, 0 warning\(s\), 0 not applicable offline, 1 not checked, 0 error\(s\)/);
    const junit = cli('testscript', 'run', file, '--fixtures', dir, '--format', 'junit');
    expect(junit.stdout).toMatch(/<skipped message="not checked: profile/);
    // over several scripts, a --fixture id needs to belong to one of them
    const both = cli(
      'testscript',
      'run',
      file,
      script([{ description: 'a Bundle', resource: 'Bundle' }]),
      '--fixtures',
      dir,
      '--fixture',
      `other=${join(clValid, 'minimal-one-condition.json')}`,
    );
    expect(both.status, both.stderr).toBe(0);
    const none = cli(
      'testscript',
      'run',
      file,
      script([{ description: 'a Bundle', resource: 'Bundle' }]),
      '--fixture',
      `zzz=${join(clValid, 'minimal-one-condition.json')}`,
    );
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--fixture zzz: none of the TestScripts has such a fixture/);
    const help = cli('testscript', 'run', '--help');
    expect(help.stdout).toMatch(/--fixtures <dir>/);
  });
});

describe("MedCom's ConditionList TestScripts (../shared/anchors/testscripts, when present)", () => {
  const shared = sharedDir();
  const dir = shared ? join(shared, 'anchors', 'testscripts', 'conditionlist', 'testscripts-json') : undefined;
  const present = dir !== undefined && existsSync(dir);
  if (!present) console.warn('[testscript] SKIPPED: ../shared/anchors/testscripts/conditionlist/testscripts-json not found');

  it.runIf(present)(
    'run on our several-conditions example: every script validates it; the scenario asserts decide as they should',
    async () => {
      const files = readdirSync(dir!)
        .filter((f) => f.endsWith('.json'))
        .sort();
      expect(files).toHaveLength(16);
      const fixture = join(clValid, 'several-conditions-icpc2-sksd.json');
      const byId = new Map<string, TestScriptRunReport>();
      for (const f of files) {
        const rep = await runTestScript({ file: join(dir!, f), fixtures: { '*': fixture }, definitions: defs });
        byId.set(rep.script.id, rep);
        const asserts = rep.tests.flatMap((t) => t.asserts);
        expect(asserts.find((a) => a.kind === 'validateProfileId')?.outcome, f).toBe('pass');
        expect(asserts.filter((a) => a.kind === 'responseCode').every((a) => a.outcome === 'not-applicable')).toBe(true);
        expect(
          asserts.filter((a) => a.outcome === 'error'),
          f,
        ).toEqual([]);
      }
      const outcome = (id: string): string => byId.get(id)!.summary.verdict;
      expect(outcome('More-Than-One-Condition')).toBe('pass');
      expect(outcome('Singular-Condition-Basic-StructureDefinition-Validity')).toBe('fail');
      expect(outcome('No-AbatementDate-Exists')).toBe('pass');
    },
  );
});
