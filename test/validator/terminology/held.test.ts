/**
 * Terminology given to a run (`--terminology`, src/validator/terminology/held.ts and folder.ts) and
 * the codes checked against it (src/validator/rules/terminology/codings.ts): code tables (CSV
 * `system,code,display`), FHIR JSON CodeSystems and ValueSets, malformed files named with the reason,
 * and `terminology/not-checked` once per code system per file for what the run does not hold.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTerminology, newValidator, validateFiles } from '../../../src/api/validate.js';
import { UsageError } from '../../../src/util/errors.js';
import { loadTerminologyFolder } from '../../../src/validator/terminology/folder.js';
import { addCodeTable, emptyHeld, parseCsv, TerminologyFileError, type HeldTerminology } from '../../../src/validator/terminology/held.js';
import { LocalTerminology } from '../../../src/validator/terminology/local.js';
import { igDefinitions, issuesOf, validate } from '../../helpers/validate.js';

const SKS = 'urn:oid:1.2.208.176.2.4';
const ICPC2 = 'urn:oid:1.2.208.176.2.31';
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-terminology-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder with the given files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

function fails(load: () => unknown): TerminologyFileError {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(TerminologyFileError);
    return e as TerminologyFileError;
  }
  throw new Error('expected a TerminologyFileError');
}

const condition = (...codings: Record<string, unknown>[]): Record<string, unknown> => ({
  resourceType: 'Condition',
  id: 'c1',
  subject: { reference: 'Patient/p1' },
  code: { coding: codings },
});

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a BOM; blank lines skipped', () => {
    const rows = parseCsv('\uFEFFsystem,code,display\r\nurn:a,A1,"x, ""y"""\r\n\r\nurn:a,A2,"two\nlines"\nurn:a,A3,');
    expect(rows).toEqual([
      { line: 1, fields: ['system', 'code', 'display'] },
      { line: 2, fields: ['urn:a', 'A1', 'x, "y"'] },
      { line: 4, fields: ['urn:a', 'A2', 'two\nlines'] },
      { line: 6, fields: ['urn:a', 'A3', ''] },
    ]);
  });

  it.each([
    ['an unclosed quote', 'system,code,display\nurn:a,"A1,x\n', 'line 2'],
    ['text after a closing quote', 'system,code,display\nurn:a,"A1"x,y\n', 'line 2'],
    ['a quote inside an unquoted field', 'system,code,display\nurn:a,A"1,y\n', 'line 2'],
    ['a wrong header', 'code,system\nA1,urn:a\n', 'header'],
    ['a row with too few fields', 'system,code,display\nurn:a,A1,x\nurn:a\n', 'line 3'],
    ['a row without a code', 'system,code,display\nurn:a,,x\n', 'line 2'],
  ])('%s is an error naming the file and where', (_what, text, where) => {
    const e = fails(() => addCodeTable(emptyHeld(), 'bad.csv', text));
    expect(e.file).toBe('bad.csv');
    expect(e.reason).toContain(where);
  });

  it('a table of 100,000 codes loads (one pass), and every code is then decided', async () => {
    const lines = ['system,code,display'];
    for (let k = 0; k < 100_000; k++) lines.push(`${SKS},D${k},"Diagnose ${k}, ""test"""`);
    const dir = folder('big', { 'sks.csv': lines.join('\n') });
    const held = loadTerminologyFolder(dir);
    expect((held.codeSystems.get(SKS)!.resource['concept'] as unknown[]).length).toBe(100_000);
    const tx = new LocalTerminology((await igDefinitions()).all(), held);
    expect(tx.checkCodeSystem(SKS, 'D99999')).toEqual({ result: 'in', display: 'Diagnose 99999, "test"' });
    expect(tx.checkCodeSystem(SKS, 'D100000').result).toBe('not-in');
  });
});

describe('a --terminology folder', () => {
  it('reads CSV tables and FHIR JSON CodeSystems, ValueSets and Bundles of them, below the folder', () => {
    const dir = folder('mixed', {
      'a.csv': `system,code,display\n${SKS},DJ449,KOL\n${ICPC2},R95,\n`,
      'cs.json': JSON.stringify({ resourceType: 'CodeSystem', url: 'urn:x:cs', content: 'complete', concept: [{ code: 'a' }] }),
      'bundle.json': JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'ValueSet', url: 'urn:x:vs', compose: { include: [{ system: 'urn:x:cs' }] } } }],
      }),
      'notes.txt': 'not read',
    });
    const held = loadTerminologyFolder(dir);
    expect([...held.codeSystems.keys()].sort()).toEqual([ICPC2, SKS, 'urn:x:cs'].sort());
    expect([...held.valueSets.keys()]).toEqual(['urn:x:vs']);
  });

  it.each([
    ['malformed JSON', { 'x.json': '{"resourceType": ' }, 'x.json', 'not valid JSON'],
    ['a resource that is not terminology', { 'p.json': '{"resourceType":"Patient"}' }, 'p.json', 'Patient'],
    ['a CodeSystem without url', { 'c.json': '{"resourceType":"CodeSystem","content":"complete"}' }, 'c.json', 'no url'],
    [
      'a system defined twice',
      { 'a.json': JSON.stringify({ resourceType: 'CodeSystem', url: SKS, content: 'complete' }), 'b.csv': `system,code\n${SKS},X\n` },
      'b.csv',
      'also defined',
    ],
    ['malformed CSV', { 'a.csv': 'system,code,display\nurn:a,"A\n' }, 'a.csv', 'not closed'],
    ['no terminology files', { 'readme.txt': 'x' }, '', 'no *.json or *.csv'],
  ])('%s: a usage error naming the file and why', (name, files, file, reason) => {
    const dir = folder(`bad-${name.replace(/\W+/g, '-')}`, files);
    const e = fails(() => loadTerminologyFolder(dir));
    expect(e.file).toBe(file === '' ? dir : join(dir, file));
    expect(e.reason).toContain(reason);
    expect(() => loadTerminology(dir)).toThrow(UsageError);
  });

  it('reads through the safe reader: a link out of the folder is refused, a file over the cap too', () => {
    const outside = folder('outside', { 'sks.csv': `system,code\n${SKS},X\n` });
    const dir = folder('linked', {});
    symlinkSync(join(outside, 'sks.csv'), join(dir, 'sks.csv'));
    expect(fails(() => loadTerminologyFolder(dir)).file).toBe(join(dir, 'sks.csv'));
    const big = folder('capped', { 'sks.csv': `system,code\n${SKS},X\n` });
    expect(fails(() => loadTerminologyFolder(big, { maxBytes: 4 })).reason).toMatch(/limit/);
  });

  it('a missing folder is named', () => {
    expect(fails(() => loadTerminologyFolder(join(tmp, 'nope'))).reason).toContain('no such');
  });
});

describe('codes checked against the terminology a run holds', () => {
  const held = (): HeldTerminology => {
    const h = emptyHeld();
    addCodeTable(h, 'sks.csv', `system,code,display\n${SKS},DJ449,KOL\n`);
    return h;
  };

  it('a code system we do not hold: one terminology/not-checked per system per file, at the first code, with the count', async () => {
    const r = await validate({
      resourceType: 'Bundle',
      id: 'b',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:7c3e5c31-0a4e-4f0e-9d1c-2b1f0c6a9b01',
          resource: condition({ system: SKS, code: 'DJ449' }, { system: ICPC2, code: 'R95' }),
        },
        { fullUrl: 'urn:uuid:7c3e5c31-0a4e-4f0e-9d1c-2b1f0c6a9b02', resource: condition({ system: SKS, code: 'DJ189' }) },
      ],
    });
    const hits = issuesOf(r, 'terminology/not-checked');
    expect(hits.map((h) => [h.params['system'], h.params['count'], h.params['code'], h.location.fhirpath, h.severity])).toEqual([
      [SKS, 2, 'DJ449', 'Bundle.entry[0].resource.code.coding[0]', 'information'],
      [ICPC2, 1, 'R95', 'Bundle.entry[0].resource.code.coding[1]', 'information'],
    ]);
    expect(issuesOf(r, 'terminology/unknown-code')).toEqual([]);
  });

  it('a code system the run holds: a code found gives nothing, a code not found is terminology/unknown-code with the code and system', async () => {
    const v = newValidator(await igDefinitions(), { terminology: held() });
    const found = await validate(condition({ system: SKS, code: 'DJ449' }), [], v);
    expect(found.issues.filter((i) => i.ruleId.startsWith('terminology/'))).toEqual([]);
    const missing = await validate(condition({ system: SKS, code: 'DJ999' }, { system: ICPC2, code: 'R95' }), [], v);
    const errors = issuesOf(missing, 'terminology/unknown-code');
    expect(errors.map((i) => [i.params['code'], i.params['system'], i.location.fhirpath, i.severity])).toEqual([
      ['DJ999', SKS, 'Condition.code.coding[0]', 'error'],
    ]);
    expect(missing.valid).toBe(false);
    // ICPC-2 is still not held
    expect(issuesOf(missing, 'terminology/not-checked').map((i) => i.params['system'])).toEqual([ICPC2]);
  });

  it('NPU codes of the HCO repertoire (a CodeSystem we hold lists them) are known, with or without the business rules; others are not checked', async () => {
    const { readFileSync } = await import('node:fs');
    const example = (f: string): string => readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', f), 'utf8');
    const HCO = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.0-trial-use';
    const NPU = 'urn:oid:1.2.208.176.2.1';
    const defs = await igDefinitions();
    const systems = (rules: 'all' | 'official', file: string): unknown[] =>
      issuesOf(
        newValidator(defs, { scopeProfile: HCO, rules }).validateText(file, example(file), { profiles: [HCO] }),
        'terminology/not-checked',
      ).map((i) => i.params['system']);
    for (const rules of ['all', 'official'] as const) {
      expect(systems(rules, 'hco/valid/new-message-quantity.json'), rules).not.toContain(NPU);
      // an NPU code outside the repertoire
      expect(systems(rules, 'business/hco/invalid/hco-code-repertoire.json'), rules).toContain(NPU);
    }
  });

  it('codes a profile names (LOINC in a pattern) or a slice finds in its value set (SNOMED CT status) are known: ConditionList reports ICPC-2 only', async () => {
    const { readFileSync } = await import('node:fs');
    const CL = 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle';
    const text = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'examples', 'conditionlist', 'valid', 'minimal-one-condition.json'),
      'utf8',
    );
    const r = newValidator(await igDefinitions(), { scopeProfile: CL }).validateText('cl.json', text, { profiles: [CL] });
    expect(issuesOf(r, 'terminology/not-checked').map((i) => [i.params['system'], i.params['count'], i.location.fhirpath])).toEqual([
      [ICPC2, 1, 'Bundle.entry[3].resource.code.coding[0]'],
    ]);
  });

  it("worker threads get the run's terminology: the same findings as one thread (compiled dist: npm run compile)", async () => {
    const dir = folder('worker-inputs', {
      'a.json': JSON.stringify(condition({ system: SKS, code: 'DJ449' })),
      'b.json': JSON.stringify(condition({ system: SKS, code: 'DJ999' })),
    });
    const tables = folder('worker-tables', { 'sks.csv': `system,code,display\n${SKS},DJ449,KOL\n` });
    const [one, two] = await Promise.all([
      validateFiles({ inputs: [dir], terminology: tables, workers: 1 }),
      validateFiles({ inputs: [dir], terminology: tables, workers: 2 }),
    ]);
    const found = (r: typeof one): string[][] =>
      r.files.map((f) => f.issues.filter((i) => i.ruleId.startsWith('terminology/')).map((i) => `${i.ruleId} ${String(i.params['code'])}`));
    expect(found(one)).toEqual([[], ['terminology/unknown-code DJ999']]);
    expect(found(two)).toEqual(found(one));
  }, 120_000);

  it('a ValueSet given to the run decides a binding that was not checked', async () => {
    const h = emptyHeld();
    addCodeTable(h, 'sks.csv', `system,code,display\n${SKS},DJ449,KOL\n`);
    const tx = new LocalTerminology((await igDefinitions()).all(), {
      ...h,
      valueSets: new Map([
        [
          'urn:x:vs',
          {
            resource: { resourceType: 'ValueSet', url: 'urn:x:vs', compose: { include: [{ system: SKS }] } },
            from: { packageId: 'terminology', packageVersion: 'local' },
          },
        ],
      ]),
    });
    expect(tx.check('urn:x:vs', SKS, 'DJ449').result).toBe('in');
    expect(tx.check('urn:x:vs', SKS, 'DJ999').result).toBe('not-in');
  });
});
