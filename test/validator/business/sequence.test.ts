/**
 * Sequences of uploads (`validate --sequence`, src/api/sequence.ts, rules/business/sequence.ts):
 * - the scripted scenario of examples/business/scenarios (share a note → mark it private → withdraw the
 *   shared document → access-request export) validates end to end with no finding, and each wrong
 *   variant draws exactly the rule scenarios/sequences.json lists, at its step;
 * - every sequence rule has a failing scenario there, and a passing one (the correct scenario);
 * - `--rules official` reports exactly what validating the step files one by one reports;
 * - replacement (relatesTo replaces), DocumentReference-by-reference targets, and what cannot be decided;
 * - manifests that are not one are usage errors naming the file and the reason; the CLI's exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSequence } from '../../../src/api/sequence.js';
import { newValidator, validationDefinitions } from '../../../src/api/validate.js';
import type { Definitions } from '../../../src/defs/registry.js';
import type { Issue } from '../../../src/validator/issue.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { RULES } from '../../../src/validator/rules/registry.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCENARIOS = join(ROOT, 'examples', 'business', 'scenarios');
const PRIVATE = join(SCENARIOS, 'private-after-sharing');
interface SequenceEntry {
  manifest: string;
  description: string;
  expect: { ruleId: string; fhirpath: string }[];
}
const sequences = JSON.parse(readFileSync(join(SCENARIOS, 'sequences.json'), 'utf8')) as SequenceEntry[];
const found = (issues: Issue[]): string[] => issues.map((i) => `${i.ruleId} @ ${i.location.fhirpath}`).sort();

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-sequence-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** A manifest (and extra files) in a fresh folder that also holds the scenario's files. */
function scenario(name: string, steps: unknown[], extra: Record<string, unknown> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, '04-aktindsigt'), { recursive: true });
  for (const f of [
    '01-share.json',
    '02-mark-private.json',
    '03-withdraw.json',
    '05-reshare.json',
    '04-aktindsigt/note-private.json',
    '04-aktindsigt/note-other.json',
  ])
    copyFileSync(join(PRIVATE, f), join(dir, f));
  for (const [f, v] of Object.entries(extra)) writeFileSync(join(dir, f), JSON.stringify(v, null, 2));
  const manifest = join(dir, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ steps }, null, 2));
  return manifest;
}
const json = (f: string): Record<string, unknown> => JSON.parse(readFileSync(join(PRIVATE, f), 'utf8')) as Record<string, unknown>;
const SHARE = { action: 'share', file: '01-share.json' };
const MARK = { action: 'mark-private', file: '02-mark-private.json' };
const ACCESS = { action: 'access-export', file: '04-aktindsigt' };

let defs: Definitions;
beforeAll(async () => {
  defs = await validationDefinitions();
}, 120_000);

describe('examples/business/scenarios', () => {
  it.each(sequences.map((e) => [e.manifest, e] as const))(
    '%s: exactly the listed findings, on the manifest, with lines',
    async (manifest, e) => {
      const report = await validateSequence({ manifest: join(SCENARIOS, manifest) }, defs);
      const [sequence, ...files] = report.files;
      expect(sequence!.file).toBe(join(SCENARIOS, manifest));
      expect(found(sequence!.issues)).toEqual(e.expect.map((f) => `${f.ruleId} @ ${f.fhirpath}`).sort());
      for (const i of sequence!.issues) expect(i.location.line, i.ruleId).toBeGreaterThan(0);
      expect(sequence!.valid).toBe(e.expect.length === 0);
      // the step files themselves are correct for their step's purpose: only the sequence is wrong
      for (const f of files)
        expect(
          f.issues.filter((i) => i.severity === 'error' || i.layer === 'business'),
          f.file,
        ).toEqual([]);
      expect(report.sequence!.steps.length).toBeGreaterThan(2);
    },
  );

  it('the correct scenario: share → mark private → withdraw → access-request export, each step with its purpose', async () => {
    const report = await validateSequence({ manifest: join(PRIVATE, 'scenario.sequence.json') }, defs);
    expect(report.sequence!.steps.map((s) => `${s.action}:${s.purpose}:${s.files.length}`)).toEqual([
      'share:sharing:1',
      'mark-private:record:1',
      'withdraw:sharing:1',
      'access-export:aktindsigt:2',
    ]);
    expect(report.summary.errors).toBe(0);
    expect(report.files).toHaveLength(6);
  });

  it('every sequence rule has a failing scenario', () => {
    const sequenceRules = Object.entries(RULES)
      .filter(([, r]) => 'input' in r && r.input === 'sequence')
      .map(([id]) => id)
      .sort();
    expect(sequenceRules).toEqual([
      'business/notes-aktindsigt-missing-private',
      'business/notes-private-not-withdrawn',
      'business/notes-withdrawal-invalid',
    ]);
    const covered = new Set(sequences.flatMap((e) => e.expect.map((f) => f.ruleId)));
    expect(sequenceRules.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('--rules official: no sequence findings, and each step file exactly as validated on its own', async () => {
    const manifest = join(PRIVATE, 'withdraw-unshared.sequence.json');
    const report = await validateSequence({ manifest, rules: 'official' }, defs);
    const [sequence, ...files] = report.files;
    expect(sequence!.issues).toEqual([]);
    const v = newValidator(defs, { readXml, rules: 'official' });
    for (const f of files) expect(f, f.file).toEqual(v.validateText(f.file, readFileSync(f.file, 'utf8')));
    expect(report.summary.business).toBeUndefined();
  });

  it('--lang da: Danish messages', async () => {
    const report = await validateSequence({ manifest: join(PRIVATE, 'missing-private.sequence.json'), locale: 'da' }, defs);
    expect(report.files[0]!.issues[0]!.message).toMatch(/^aktindsigtsudtrækket mangler notatet/);
  });
});

describe('the withdrawal model', () => {
  const replacement = (target: Record<string, unknown>): Record<string, unknown> => ({
    ...json('03-withdraw.json'),
    id: 'e2b6d4f8-3a1c-4e9b-8d7f-5c3a1e9b7d40',
    status: 'current',
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:4a8e2c6b-9d3f-4b1e-a7c5-2f9d5b3e1a86' },
    relatesTo: [{ code: 'replaces', target }],
  });
  const doc1 = { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:6293d1ea-8d7c-43cc-a5af-13864abc898d' };

  it('a replacement (relatesTo replaces, target by identifier) withdraws the shared document; the replacing document is checked as shared', async () => {
    const ok = await validateSequence(
      {
        manifest: scenario(
          'replace-ok',
          [SHARE, MARK, { action: 'replace', files: ['replace.json', '04-aktindsigt/note-other.json'] }, ACCESS],
          { 'replace.json': replacement({ identifier: doc1 }) },
        ),
      },
      defs,
    );
    expect(found(ok.files[0]!.issues)).toEqual([]);
    // replacing it with a document that holds the private note again shares it again
    const again = await validateSequence(
      {
        manifest: scenario('replace-private', [SHARE, MARK, { action: 'replace', files: ['replace.json', '05-reshare.json'] }, ACCESS], {
          'replace.json': replacement({ identifier: doc1 }),
        }),
      },
      defs,
    );
    expect(found(again.files[0]!.issues)).toEqual(['business/notes-private-shared @ steps[2]']);
  });

  it('a replacement target by reference to a DocumentReference given with the share', async () => {
    const entry = { ...json('03-withdraw.json'), id: 'f3c7e1a5-8b2d-4f6e-9a4c-7d1b5f3e9c28', status: 'current' };
    const ok = await validateSequence(
      {
        manifest: scenario(
          'replace-by-reference',
          [{ action: 'share', files: ['01-share.json', 'entry.json'] }, MARK, { action: 'replace', file: 'replace.json' }, ACCESS],
          { 'entry.json': entry, 'replace.json': replacement({ reference: 'DocumentReference/f3c7e1a5-8b2d-4f6e-9a4c-7d1b5f3e9c28' }) },
        ),
      },
      defs,
    );
    expect(found(ok.files[0]!.issues)).toEqual([]);
  });

  it('entered-in-error withdraws too; status current does not; a replacement without relatesTo does not; a step without a DocumentReference does not', async () => {
    const eie = await validateSequence(
      {
        manifest: scenario('eie', [SHARE, MARK, { action: 'withdraw', file: 'w.json' }, ACCESS], {
          'w.json': { ...json('03-withdraw.json'), status: 'entered-in-error' },
        }),
      },
      defs,
    );
    expect(found(eie.files[0]!.issues)).toEqual([]);
    const current = await validateSequence(
      {
        manifest: scenario('current', [SHARE, MARK, { action: 'withdraw', file: 'w.json' }, ACCESS], {
          'w.json': { ...json('03-withdraw.json'), status: 'current' },
        }),
      },
      defs,
    );
    expect(found(current.files[0]!.issues)).toEqual([
      'business/notes-private-not-withdrawn @ steps[1]',
      'business/notes-withdrawal-invalid @ steps[2]',
    ]);
    expect(current.files[0]!.issues.find((i) => i.ruleId === 'business/notes-withdrawal-invalid')!.message).toContain(
      "status is 'current'",
    );
    const noRelates = await validateSequence(
      { manifest: scenario('no-relates', [SHARE, MARK, { action: 'replace', file: '03-withdraw.json' }, ACCESS]) },
      defs,
    );
    expect(found(noRelates.files[0]!.issues)).toEqual([
      'business/notes-private-not-withdrawn @ steps[1]',
      'business/notes-withdrawal-invalid @ steps[2]',
    ]);
    const noRef = await validateSequence(
      { manifest: scenario('no-ref', [SHARE, MARK, { action: 'withdraw', file: '01-share.json' }, ACCESS]) },
      defs,
    );
    // (a document in a withdraw or replace step is a replacing document: shared, here with the private note)
    expect(found(noRef.files[0]!.issues)).toEqual([
      'business/notes-private-not-withdrawn @ steps[1]',
      'business/notes-private-shared @ steps[2]',
      'business/notes-withdrawal-invalid @ steps[2]',
    ]);
  });

  it('a withdrawal before the marking does not count for it; the same document withdrawn twice is invalid the second time', async () => {
    const early = await validateSequence(
      {
        manifest: scenario('early', [
          SHARE,
          { action: 'withdraw', file: '03-withdraw.json' },
          { action: 'share', file: '05-reshare.json' },
          MARK,
          ACCESS,
        ]),
      },
      defs,
    );
    // 05-reshare holds the same note in another document, shared before the marking and never withdrawn
    expect(found(early.files[0]!.issues)).toEqual(['business/notes-private-not-withdrawn @ steps[3]']);
    const twice = await validateSequence(
      {
        manifest: scenario('twice', [
          SHARE,
          MARK,
          { action: 'withdraw', file: '03-withdraw.json' },
          { action: 'withdraw', file: '03-withdraw.json' },
          ACCESS,
        ]),
      },
      defs,
    );
    expect(found(twice.files[0]!.issues)).toEqual(['business/notes-withdrawal-invalid @ steps[3]']);
  });

  it('what cannot be decided is not-checked: a mark-private step that marks nothing, a shared document without Composition.identifier, a share step without a Notes document', async () => {
    const nothing = await validateSequence(
      { manifest: scenario('marks-nothing', [SHARE, { action: 'mark-private', file: '01-share.json' }, ACCESS]) },
      defs,
    );
    expect(found(nothing.files[0]!.issues)).toEqual(['business/not-checked @ steps[1]']);
    const noId = json('01-share.json') as { entry: { resource: Record<string, unknown> }[] };
    delete noId.entry[0]!.resource['identifier'];
    const r = await validateSequence(
      { manifest: scenario('no-identifier', [{ action: 'share', file: 'noid.json' }, MARK, ACCESS], { 'noid.json': noId }) },
      defs,
    );
    expect(found(r.files[0]!.issues)).toEqual(['business/not-checked @ steps[0]']);
    const noDocument = await validateSequence(
      {
        manifest: scenario('shares-nothing', [
          { action: 'share', file: '03-withdraw.json' },
          SHARE,
          MARK,
          { action: 'withdraw', file: '03-withdraw.json' },
          ACCESS,
        ]),
      },
      defs,
    );
    expect(found(noDocument.files[0]!.issues)).toEqual(['business/not-checked @ steps[0]']);
  });

  it('an access export across files of two patients: notes-aktindsigt-other-patient at the step (within one export Bundle the file reports it)', async () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'examples/business/notes/invalid/notes-aktindsigt-other-patient.json'), 'utf8')) as {
      entry: { resource: unknown }[];
    };
    const r = await validateSequence(
      {
        manifest: scenario(
          'two-patients',
          [
            SHARE,
            MARK,
            { action: 'withdraw', file: '03-withdraw.json' },
            { action: 'access-export', files: ['04-aktindsigt', 'other.json'] },
          ],
          { 'other.json': bundle.entry[1]!.resource },
        ),
      },
      defs,
    );
    expect(found(r.files[0]!.issues)).toEqual(['business/notes-aktindsigt-other-patient @ steps[3]']);
    const inOne = await validateSequence(
      {
        manifest: scenario(
          'two-patients-one-file',
          [SHARE, MARK, { action: 'withdraw', file: '03-withdraw.json' }, { action: 'access-export', file: 'export.json' }],
          { 'export.json': bundle },
        ),
      },
      defs,
    );
    expect(found(inOne.files[0]!.issues)).toEqual([]);
    expect(found(inOne.files.find((f) => f.file.endsWith('export.json'))!.issues.filter((i) => i.layer === 'business'))).toEqual([
      'business/notes-aktindsigt-other-patient @ Bundle.entry[1].resource.entry[2].resource.identifier[0].value',
    ]);
  });

  it('a bare note Observation as the mark-private step; an access export as a collection Bundle', async () => {
    const marked = (json('02-mark-private.json') as { entry: { resource: Record<string, unknown> }[] }).entry[1]!.resource;
    const r = await validateSequence(
      {
        manifest: scenario(
          'bare-and-bundle',
          [
            SHARE,
            { action: 'mark-private', file: 'note.json' },
            { action: 'withdraw', file: '03-withdraw.json' },
            { action: 'access-export', file: 'export.json' },
          ],
          {
            'note.json': marked,
            'export.json': JSON.parse(readFileSync(join(ROOT, 'examples/business/notes/valid/aktindsigt-export.json'), 'utf8')) as unknown,
          },
        ),
      },
      defs,
    );
    expect(found(r.files[0]!.issues)).toEqual([]);
  });
});

describe('manifests that are not one: usage errors naming the file and the reason', () => {
  const bad = (name: string, content: string): string => {
    const f = join(tmp, name);
    writeFileSync(f, content);
    return f;
  };
  it.each([
    ['not JSON', '{ steps: ', /not-json\.json:1:3: not valid JSON/i],
    [
      'an unknown action',
      JSON.stringify({ steps: [{ action: 'publish', file: 'x.json' }] }),
      /\/steps\/0\/action must be equal to one of the allowed values \(share, mark-private/,
    ],
    [
      'no files',
      JSON.stringify({ steps: [{ action: 'share' }] }),
      /not a sequence manifest: \/steps\/0 must have required property 'file'/,
    ],
    [
      'a missing file',
      JSON.stringify({ steps: [{ action: 'share', file: 'missing.json' }] }),
      /step 1 \(share\): missing\.json: no such file or folder/,
    ],
    ['no steps', JSON.stringify({ steps: [] }), /\/steps must NOT have fewer than 1 items/],
  ])('%s', async (label, content, message) => {
    const f = bad(`${label.replace(/\W+/g, '-')}.json`, content);
    await expect(validateSequence({ manifest: f }, defs)).rejects.toThrow(message);
  });
  it('a manifest that does not exist', async () => {
    await expect(validateSequence({ manifest: join(tmp, 'nope.json') }, defs)).rejects.toThrow(/--sequence .*nope\.json: no such file/);
  });
});

describe('medcom-ig validate --sequence / --purpose (the compiled CLI)', () => {
  const bin = join(ROOT, 'bin', 'medcom-ig.js');
  const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it('exit 0 for the correct scenario, 1 for a wrong variant (json report with the steps), 2 for usage errors', () => {
    expect(run('--sequence', 'examples/business/scenarios/private-after-sharing/scenario.sequence.json', '--quiet').status).toBe(0);
    const wrong = run('--sequence', 'examples/business/scenarios/private-after-sharing/no-withdrawal.sequence.json', '--format', 'json');
    expect(wrong.status).toBe(1);
    const report = JSON.parse(wrong.stdout) as {
      sequence: { steps: { action: string }[] };
      files: { issues: { ruleId: string; location: { fhirpath: string } }[] }[];
    };
    expect(report.sequence.steps.map((s) => s.action)).toEqual(['share', 'mark-private', 'access-export']);
    expect(report.files[0]!.issues.map((i) => `${i.ruleId} @ ${i.location.fhirpath}`)).toEqual([
      'business/notes-private-not-withdrawn @ steps[1]',
    ]);
    const clash = run('--sequence', 'examples/business/scenarios/private-after-sharing/scenario.sequence.json', 'examples/business/hco');
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/--sequence takes no inputs/);
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/give files or folders to validate, or --sequence/);
    expect(none.stderr).not.toMatch(/ at /);
  });
  it('--purpose aktindsigt: the access-request export Bundle is clean; the default (sharing) is not', () => {
    const file = 'examples/business/notes/valid/aktindsigt-export.json';
    expect(run('--purpose', 'aktindsigt', '--rules', 'business', file).status).toBe(0);
    const sharing = run('--rules', 'business', file);
    expect(sharing.status).toBe(1);
    expect(sharing.stdout).toContain('business/notes-private-shared');
    expect(run('--purpose', 'export', file).status).toBe(2);
  });
});
