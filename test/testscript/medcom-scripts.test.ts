/**
 * Issue #5, TestScript runner on MedCom's published CareCommunication 5.0.0, HospitalNotification
 * 3.0.1 and Acknowledgement 2.0.0 TestScripts (../shared/anchors/testscripts). MedCom publishes them
 * without their fixtures (TouchStone-hosted files), so:
 * - every published script runs without fixtures and names each missing fixture, never crashing;
 * - one representative script per standard runs on fixtures of our own (test/testscript/fixtures,
 *   authored from the scripts' asserts and MedCom's messaging model — not copies of MedCom files):
 *   every expression and resource assert passes, the response asserts are not applicable offline,
 *   and validateProfileId is *not checked* (those IGs are not built here), never passed;
 * - a mutated copy of each fixture fails exactly the asserts about what was changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { sharedDir } from '../../src/parity/anchors.js';
import { runTestScript, type AssertResult, type TestScriptRunReport } from '../../src/testscript/run.js';
import { readXml } from '../../src/validator/load/xml.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const CC_FIXTURE = join(fixtures, 'CareCommunication-fixture.json');
const HN_FIXTURE = join(fixtures, 'HospitalNotification-fixture.json');
const ACK_FIXTURE = join(fixtures, 'Acknowledgement-fixture.json');

const shared = sharedDir();
const scripts = shared ? join(shared, 'anchors', 'testscripts') : undefined;
const present = scripts !== undefined && readdirSafe(scripts).includes('carecommunication');
if (!present)
  console.warn(
    "[testscript] SKIPPED: ../shared/anchors/testscripts not found (set MEDCOM_SHARED to the shared folder to run MedCom's TestScripts)",
  );

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const CC_NEW = 'carecommunication/testscripts-5.0.0/TestScript-carecommunication-send-new-message.json';
const CC_NEW_XML = 'carecommunication/testscripts-5.0.0-xml-sample/TestScript-carecommunication-send-new-message.xml';
const HN_STIN_A1 = 'hospitalnotification/testscripts-3.0.1/TestScript-hospitalnotification-send-stin-a1.json';
const HN_STOR = 'hospitalnotification/testscripts-3.0.1/TestScript-hospitalnotification-send-stor.json';
const ACK_OK = 'acknowledgement/testscripts-2.0.0/TestScript-acknowledgement-send-ok-hospitalnotification.json';

type Json = Record<string, any>;

/** Per assert: [kind, outcome] in script order. */
const shape = (r: TestScriptRunReport): [string, string][] =>
  r.tests.flatMap((t) => t.asserts.map((a) => [a.kind, a.outcome] as [string, string]));
const asserts = (r: TestScriptRunReport): AssertResult[] => r.tests.flatMap((t) => t.asserts);
const failing = (r: TestScriptRunReport): string[] =>
  asserts(r)
    .filter((a) => a.outcome === 'fail')
    .map((a) => a.description);

describe.skipIf(!present)("MedCom's CareCommunication, HospitalNotification and Acknowledgement TestScripts", () => {
  let defs: Definitions;
  let tmp: string;
  beforeAll(async () => {
    defs = await validationDefinitions();
    tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-medcom-scripts-'));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const run = (script: string, o: { fixtures?: Record<string, string>; fixtureDirs?: string[] } = {}): Promise<TestScriptRunReport> =>
    runTestScript({ file: join(scripts!, script), definitions: defs, ...o });

  /** A copy of a fixture with `change` applied, written to the temp folder. */
  function mutated(file: string, name: string, change: (b: Json) => void): string {
    const b = JSON.parse(readFileSync(file, 'utf8')) as Json;
    change(b);
    const out = join(tmp, name);
    writeFileSync(out, JSON.stringify(b, null, 2));
    return out;
  }
  const res = (b: Json, type: string): Json[] =>
    (b['entry'] as { resource: Json }[]).map((e) => e.resource).filter((r) => r['resourceType'] === type);

  it('our fixtures follow the MedCom messaging model: valid against medcom-messaging-message 3.0.0 (which this build has)', () => {
    const v = newValidator(defs, { readXml, rules: 'official' });
    for (const f of [CC_FIXTURE, HN_FIXTURE, ACK_FIXTURE]) {
      const report = v.validateDoc(v.parse(f, readFileSync(f, 'utf8')), {
        profiles: ['http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-message'],
      });
      expect(
        report.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.ruleId} ${i.location.fhirpath}`),
        f,
      ).toEqual([]);
    }
  });

  it('CareCommunication send-new-message on our fixture (--fixtures dir): expressions pass, response N/A, profile not checked', async () => {
    const r = await run(CC_NEW, { fixtureDirs: [fixtures] });
    expect(r.fixtures).toEqual([
      expect.objectContaining({ id: 'create-new-message-01', file: CC_FIXTURE, from: 'fixtures-dir', missing: false }),
    ]);
    expect(shape(r)).toEqual([
      ['validateProfileId', 'not-checked'],
      ['responseCode', 'not-applicable'],
      ['resource', 'pass'],
      ['expression', 'pass'],
      ['expression', 'pass'],
      ['expression', 'pass'],
      ['expression', 'pass'],
    ]);
    const profile = asserts(r)[0]!;
    expect(profile.detail).toMatch(/medcom-careCommunication-message\|5\.0\.1 is not available offline/);
    expect(profile.expected).toBe('http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message|5.0.1');
    expect(r.summary).toMatchObject({ pass: 5, fail: 0, error: 0, 'not-applicable': 1, 'not-checked': 1, verdict: 'incomplete' });
  });

  it('CareCommunication: a mutated fixture fails exactly the asserts about the change', async () => {
    const cases: [string, (b: Json) => void, string[]][] = [
      [
        'cc-event.json',
        (b) => {
          res(b, 'MessageHeader')[0]!['eventCoding'].code = 'empty-message';
        },
        ['Confirm that the request resource contains the expected eventCoding.code.'],
      ],
      [
        'cc-activity.json',
        (b) => {
          res(b, 'Provenance')[0]!['activity'].coding[0].code = 'forward-message';
        },
        ['Confirm that the request resource contains the expected activity code.'],
      ],
      [
        'cc-target.json',
        (b) => {
          res(b, 'Provenance')[0]!['target'][0].reference = 'MessageHeader/00000000-0000-4000-8000-000000000000';
        },
        ['Confirm that the target reference in Provenance equals MessageHeader.id'],
      ],
      [
        'cc-identifier.json',
        (b) => {
          res(b, 'Communication')[0]!['identifier'][0].value = 'urn:uuid:F47AC10B-58CC-4372-A567-0E02B2C3D479';
        },
        ['Confirm that the Communication.identifier is a UUID v4.'],
      ],
    ];
    for (const [name, change, expected] of cases) {
      const r = await run(CC_NEW, { fixtures: { 'create-new-message-01': mutated(CC_FIXTURE, name, change) } });
      expect(failing(r), name).toEqual(expected);
      expect(r.summary.verdict).toBe('fail');
    }
  });

  it('HospitalNotification send-stin-a1 on our STIN fixture: every expression passes, profile not checked', async () => {
    const r = await run(HN_STIN_A1, { fixtureDirs: [fixtures] });
    expect(r.fixtures[0]).toMatchObject({ id: 'create-STIN-01', file: HN_FIXTURE, from: 'fixtures-dir' });
    expect(shape(r)).toEqual([
      ['responseCode', 'not-applicable'],
      ['resource', 'pass'],
      ['validateProfileId', 'not-checked'],
      ...Array.from({ length: 8 }, () => ['expression', 'pass'] as [string, string]),
    ]);
    expect(r.summary).toMatchObject({ pass: 9, fail: 0, error: 0, verdict: 'incomplete' });
  });

  it('HospitalNotification: a mutated fixture fails exactly the asserts about the change', async () => {
    const ROA = 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmission';
    const cases: [string, (b: Json) => void, string[]][] = [
      [
        'hn-class.json',
        (b) => {
          res(b, 'Encounter')[0]!['class'].code = 'EMER';
        },
        ['Confirm that the Encounter class of the request resource is IMP.'],
      ],
      [
        'hn-status.json',
        (b) => {
          res(b, 'Encounter')[0]!['status'] = 'finished';
        },
        ['Confirm that the Encounter status of the request resource is in-progress.'],
      ],
      [
        'hn-report.json',
        (b) => {
          const mh = res(b, 'MessageHeader')[0]!;
          mh['extension'][0].valueBoolean = true;
          mh['extension'].push({
            url: `${ROA}RecipientExtension`,
            valueIdentifier: { system: 'urn:oid:1.2.208.176.1.1', value: '953101000016005' },
          });
        },
        [
          'Confirm that the report of admission flag is false.',
          "Confirm that the a receiver of the report of admission exists, when the flag is true, and doesn't exists when the flag is false.",
        ],
      ],
      [
        'hn-episode.json',
        (b) => {
          res(b, 'Encounter')[0]!['episodeOfCare'][0].identifier.value = 'LPR-123456';
        },
        ['Confirm that the episodeOfCare-identifier has the structure of an UUID'],
      ],
      [
        'hn-provenance.json',
        (b) => {
          res(b, 'Provenance')[0]!['target'][0].reference = 'MessageHeader/' + (res(b, 'MessageHeader')[0]!['id'] as string);
        },
        ['Confirm that the target reference in Provenance equals MessageHeader.id'],
      ],
    ];
    for (const [name, change, expected] of cases) {
      const r = await run(HN_STIN_A1, { fixtures: { 'create-STIN-01': mutated(HN_FIXTURE, name, change) } });
      expect(failing(r), name).toEqual(expected);
    }
  });

  it('HospitalNotification flow (send-stor): variables read from a create response are taken from the payload it sent, and say so', async () => {
    // STIN with a report of admission (this script's first message), then STOR: start leave in the same episode
    const stin = mutated(HN_FIXTURE, 'hn-stin-report.json', (b) => {
      const mh = res(b, 'MessageHeader')[0]!;
      mh['extension'][0].valueBoolean = true;
      mh['extension'].push({
        url: 'http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionRecipientExtension',
        valueIdentifier: { system: 'urn:oid:1.2.208.176.1.1', value: '953101000016005' },
      });
    });
    const stinDoc = JSON.parse(readFileSync(stin, 'utf8')) as Json;
    const stinHeader = stinDoc['entry'][0].fullUrl as string;
    const stor = mutated(HN_FIXTURE, 'hn-stor.json', (b) => {
      const h = 'https://medcomfhir.dk/ig/hospitalnotification/';
      const mhId = '5e6f7081-92a3-4b4c-9d5e-6f7a8b9cad01';
      b['id'] = '9d3e5f70-2b4c-4d6e-8f80-1b2c3d4e5f02';
      b['entry'][0].fullUrl = `${h}MessageHeader/${mhId}`;
      const mh = res(b, 'MessageHeader')[0]!;
      mh['id'] = mhId;
      res(b, 'Encounter')[0]!['status'] = 'onleave';
      const prov = { ...res(b, 'Provenance')[0]!, id: 'e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a03' } as Json;
      prov['target'] = [{ reference: `${h}MessageHeader/${mhId}` }];
      prov['activity'] = {
        coding: [
          { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes', code: 'start-leave-inpatient' },
        ],
      };
      prov['entity'] = [{ role: 'revision', what: { reference: stinHeader } }];
      b['entry'].push({ fullUrl: `${h}Provenance/${prov['id'] as string}`, resource: prov });
    });
    const r = await run(HN_STOR, { fixtures: { 'create-STIN-01': stin, 'create-STOR-02': stor } });
    expect(asserts(r).filter((a) => a.outcome === 'fail' || a.outcome === 'error')).toEqual([]);
    const uses = asserts(r).find((a) => a.expression?.includes(`entity.what.reference = '${stinHeader}'`));
    expect(uses).toMatchObject({ outcome: 'pass' });
    expect(uses!.detail).toContain(
      "${messageHeaderid-STIN} read from fixture 'create-STIN-01', the payload of the create whose response is 'create-message-STIN'",
    );
    // a STOR of another episode fails the episode assert (the variable carries the STIN's episode)
    const other = mutated(stor, 'hn-stor-other-episode.json', (b) => {
      res(b, 'Encounter')[0]!['episodeOfCare'][0].identifier.value = 'urn:uuid:0b1c2d3e-4f50-5a6b-8c7d-8e9f0a1b2c3d';
    });
    const r2 = await run(HN_STOR, { fixtures: { 'create-STIN-01': stin, 'create-STOR-02': other } });
    expect(failing(r2)).toEqual([expect.stringMatching(/episodeOfCare/i)]);
  });

  it('Acknowledgement send-ok on our STIN + acknowledgement: every expression passes (the ack refers to the STIN header)', async () => {
    const r = await run(ACK_OK, { fixtures: { 'create-STIN-01': HN_FIXTURE }, fixtureDirs: [fixtures] });
    expect(r.fixtures.map((f) => [f.id, f.from])).toEqual([
      ['create-STIN-01', 'given'],
      ['create-ok-02', 'fixtures-dir'],
    ]);
    expect(shape(r)).toEqual([
      ['responseCode', 'not-applicable'],
      ['responseCode', 'not-applicable'],
      ['responseCode', 'not-applicable'],
      ['resource', 'pass'],
      ['validateProfileId', 'not-checked'],
      ...Array.from({ length: 8 }, () => ['expression', 'pass'] as [string, string]),
    ]);
  });

  it('Acknowledgement: a mutated fixture fails exactly the asserts about the change', async () => {
    const cases: [string, (b: Json) => void, string[]][] = [
      [
        'ack-what.json',
        (b) => {
          res(b, 'Provenance')[1]!['entity'][0].what.reference =
            'https://medcomfhir.dk/ig/hospitalnotification/MessageHeader/00000000-0000-4000-8000-000000000000';
        },
        ['Confirm that the previous MessageHeader fullURL is identical to Provenance.entity.what'],
      ],
      [
        'ack-fatal.json',
        (b) => {
          res(b, 'MessageHeader')[0]!['response'].code = 'fatal-error';
        },
        [
          'Confirm that MessageHeader.responseCode equals to ok',
          "Confirm that a OperationOutcome instance is included, when the responseCode is 'transient-error' or 'fatal-error'",
        ],
      ],
      [
        'ack-one-provenance.json',
        (b) => {
          b['entry'].splice(3, 1);
        },
        ['Confirm that 2 Provenance instances exists.'],
      ],
      [
        'ack-activity.json',
        (b) => {
          res(b, 'Provenance')[1]!['activity'].coding[0].code = 'new-message';
        },
        ['Confirm that the one Provenance instance contains the expected activity code.'],
      ],
    ];
    for (const [name, change, expected] of cases) {
      const r = await run(ACK_OK, { fixtures: { 'create-STIN-01': HN_FIXTURE, 'create-ok-02': mutated(ACK_FIXTURE, name, change) } });
      expect(failing(r), name).toEqual(expected);
    }
  });

  it('the XML sample TestScript loads through the XML reader and runs as its JSON form does', async () => {
    const json = await run(CC_NEW, { fixtures: { '*': CC_FIXTURE } });
    const xml = await run(CC_NEW_XML, { fixtures: { '*': CC_FIXTURE } });
    expect(xml.script).toMatchObject({ id: 'carecommunication-send-new-message', format: 'xml' });
    const strip = (r: TestScriptRunReport) =>
      asserts(r).map(({ kind, outcome, description, expression, direction }) => ({ kind, outcome, description, expression, direction }));
    expect(strip(xml)).toEqual(strip(json));
    expect(xml.fixtures.map((f) => f.reference)).toEqual(['../Fixtures/CareCommunication-fixture.xml']);
  });

  it('every published script runs without fixtures and names each missing fixture; nothing passes, nothing crashes', async () => {
    const dirs = [
      'carecommunication/testscripts-5.0.0',
      'hospitalnotification/testscripts-3.0.1',
      'acknowledgement/testscripts-2.0.0',
      'carecommunication/testscripts-5.0.0-xml-sample',
    ];
    const files = dirs.flatMap((d) =>
      readdirSync(join(scripts!, d))
        .filter((f) => /\.(json|xml)$/.test(f))
        .sort()
        .map((f) => join(d, f)),
    );
    expect(files).toHaveLength(32 + 90 + 13 + 1);
    let withFixtures = 0;
    for (const f of files) {
      const r = await run(f);
      const all = asserts(r);
      expect(all.length, f).toBeGreaterThan(0);
      expect(
        all.filter((a) => a.outcome === 'pass'),
        f,
      ).toEqual([]);
      for (const fx of r.fixtures) {
        expect(fx.missing, `${f} ${fx.id}`).toBe(true);
        const name = fx.reference.split('/').pop()!;
        expect(fx.reason, `${f} ${fx.id}`).toContain(`--fixture ${fx.id}=<file> or --fixtures <dir> holding ${name}`);
      }
      // a server response is not applicable; an assert on a payload is an error that names its fixture (or the script's defect)
      for (const a of all) {
        if (a.direction === 'response' && a.kind !== 'compareToSource') expect(a.outcome, `${f} ${a.description}`).toBe('not-applicable');
        else {
          expect(a.outcome, `${f} ${a.description}`).toBe('error');
          expect(a.detail, `${f} ${a.description}`).toMatch(
            /fixture '[^']+' is missing \(|variable \$\{[^}]+\}|no operation before this assert sent a fixture/,
          );
        }
      }
      if (r.fixtures.length > 0) withFixtures++;
    }
    expect(withFixtures).toBe(files.length);
  }, 300_000);
});
