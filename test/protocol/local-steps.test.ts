/**
 * notes-send §3.5: the steps our local business rules decide (ours, not MedCom's; docs/protocols/README.md).
 * Evidence made from our examples passes every one of them; each wrong variant fails its step with the rule id.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { ProtocolDefinitionError, ProtocolLibrary } from '../../src/protocol/load.js';
import type { ProtocolDefinition, StepDef } from '../../src/protocol/model.js';
import { ProtocolReportRenderer } from '../../src/protocol/report/render.js';
import type { ProtocolRunReport } from '../../src/protocol/report-model.js';
import { runProtocol } from '../../src/protocol/run.js';
import { exportOf, localNote, notesSendEvidence, readExample, scenario, sourceUpload, step } from './helpers.js';

const library = new ProtocolLibrary();
const notesSend = library.get('notes-send');
let defs: Definitions;
const dirs: string[] = [];
beforeAll(async () => {
  defs = await validationDefinitions();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function evidence(extra: Record<string, string | Record<string, unknown>> = {}): string {
  const d = notesSendEvidence(extra);
  dirs.push(d);
  return d;
}
const run = (dir: string): Promise<ProtocolRunReport> => runProtocol({ protocol: notesSend, evidenceDir: dir, definitions: defs });
const LOCAL_STEPS = ['3.5.1', '3.5.2', '3.5.3', '3.5.4', '3.5.5'];

describe('notes-send §3.5: steps decided by our local business rules', () => {
  it('the definition: five optional steps, each marked local, each with a business or sequence check', () => {
    const section = notesSend.sections.find((s) => s.number === '3.5')!;
    const rows = section.rows.filter((r): r is StepDef => r.type === 'step');
    expect(rows.map((r) => r.number)).toEqual(LOCAL_STEPS);
    for (const r of rows) {
      expect(r.local, r.number).toBe(true);
      expect(r.optional, r.number).toBe(true);
      expect(
        r.checks!.some((c) => c.kind === 'business' || c.kind === 'sequence'),
        r.number,
      ).toBe(true);
    }
    // and no other step of any protocol is local
    for (const p of library.all())
      for (const s of p.sections)
        for (const r of s.rows) if (r.type === 'step' && s.number !== '3.5') expect(r.local, r.id).toBeUndefined();
  });

  it('on evidence made from our examples: every local step passes (3.5.2 partial: assisted), marked local in the report', async () => {
    const report = await run(evidence());
    for (const n of LOCAL_STEPS) {
      const s = step(report, n);
      expect(s.status, `${n}: ${JSON.stringify(s.checks.filter((c) => c.outcome !== 'pass'))}`).toBe(n === '3.5.2' ? 'partial' : 'passed');
      expect(s.local).toBe(true);
      expect(s.actualResult).toMatch(/^Local rule \(medcom-ig, not MedCom's standard\):/);
    }
    expect(report.summary.verdict).toBe('pass');
    // the sequence checks really ran the sequence: 3.5.4 names the three files, in order
    const seq = step(report, '3.5.4').checks[0]!;
    expect(seq).toMatchObject({ kind: 'sequence', outcome: 'pass' });
    expect(seq.files.map((f) => f.file)).toEqual([
      'notes-send.local.withdrawn-after-marking.sequence.json',
      'Notes_3.5.4_A.json',
      'Notes_3.5.4_B.json',
      'Notes_3.5.4_C.json',
    ]);
    // a step not marked local says nothing of the kind
    expect(step(report, '3.3.1.4').local).toBe(false);
    expect(step(report, '3.3.1.4').actualResult).not.toMatch(/Local rule/);
    const md = new ProtocolReportRenderer().markdown(report);
    expect(md).toContain('Local rule (medcom-ig, not MedCom');
    // Danish
    const da = await runProtocol({ protocol: notesSend, evidenceDir: evidence(), definitions: defs, lang: 'da' });
    expect(step(da, '3.5.1').actualResult).toMatch(/^Lokal regel \(medcom-ig, ikke MedComs standard\):/);
  });

  it('3.5.1: an e-consultation note among the four fails with business/notes-consultation-type; a missing kind fails its FHIRPath check', async () => {
    const report = await run(
      evidence({ 'Notes_3.5.1_D.json': localNote('e-consultation', 'https://clinic.example/fhir/CodeSystem/contact-kind') }),
    );
    const s = step(report, '3.5.1');
    expect(s.status).toBe('failed');
    expect(s.checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual([
      'notes-send.local.four-kinds-shareable',
      'notes-send.local.kind-physical',
    ]);
    expect(s.issues).toContainEqual(
      expect.objectContaining({
        file: 'Notes_3.5.1_D.json',
        ruleId: 'business/notes-consultation-type',
        fhirpath: 'Bundle.entry[1].resource.extension[1].valueCoding',
        line: expect.any(Number),
      }),
    );
    expect(report.summary.failedSteps).toEqual(['3.5.1']);
  });

  it('3.5.2: a sharing export holding an e-consultation note fails with business/notes-consultation-type', async () => {
    const report = await run(
      evidence({
        'Notes_3.5.2_A.json': exportOf(
          localNote('physical'),
          localNote('e-consultation', 'https://clinic.example/fhir/CodeSystem/contact-kind'),
        ),
      }),
    );
    const s = step(report, '3.5.2');
    expect(s.status).toBe('failed');
    expect(s.issues).toContainEqual(
      expect.objectContaining({
        ruleId: 'business/notes-consultation-type',
        fhirpath: 'Bundle.entry[1].resource.entry[1].resource.extension[1].valueCoding',
      }),
    );
  });

  it('3.5.3: the private note in the sharing export fails with business/notes-private-shared — found by its identifier, without our marking', async () => {
    const note = localNote('telephone');
    const noteId = ((note['entry'] as { resource: Record<string, unknown> }[])[1]!.resource['identifier'] as { value: string }[])[0]!.value;
    const report = await run(
      evidence({ 'Notes_3.5.3_A.json': sourceUpload(noteId), 'Notes_3.5.3_B.json': exportOf(localNote('physical'), note) }),
    );
    const s = step(report, '3.5.3');
    expect(s.status).toBe('failed');
    expect(s.checks[0]!.outcome).toBe('fail');
    expect(s.issues).toContainEqual(
      expect.objectContaining({
        file: 'notes-send.local.private-not-in-export.sequence.json',
        ruleId: 'business/notes-private-shared',
        fhirpath: 'steps[1]',
      }),
    );
    // the sequence's manifest is the run's own, not an evidence file: no line is claimed in it
    const shared = s.issues.find((i) => i.ruleId === 'business/notes-private-shared')!;
    expect(shared.line).toBeUndefined();
    const md = new ProtocolReportRenderer().markdown(report);
    expect(md).toContain('business/notes-private-shared @ steps\\[1\\] (notes-send.local.private-not-in-export.sequence.json)');
  });

  it('3.5.4: a document entry that does not withdraw (status current) fails with notes-withdrawal-invalid and notes-private-not-withdrawn', async () => {
    const withdraw = readExample(join(scenario, '03-withdraw.json'));
    withdraw['status'] = 'current';
    const report = await run(evidence({ 'Notes_3.5.4_C.json': withdraw }));
    const s = step(report, '3.5.4');
    expect(s.status).toBe('failed');
    expect(
      s.issues
        .filter((i) => i.file.endsWith('.sequence.json'))
        .map((i) => `${i.ruleId} @ ${i.fhirpath}`)
        .sort(),
    ).toEqual(['business/notes-private-not-withdrawn @ steps[1]', 'business/notes-withdrawal-invalid @ steps[2]']);
  });

  it('3.5.4 without its withdrawal (no file C): the check cannot run — error, never passed', async () => {
    const dir = evidence();
    rmSync(join(dir, 'Notes_3.5.4_C.json'));
    const report = await run(dir);
    const s = step(report, '3.5.4');
    expect(s.status).toBe('failed');
    expect(s.checks[0]).toMatchObject({ outcome: 'error' });
    expect(s.checks[0]!.files[0]!.error).toMatch(/sequence step 3 \(withdraw\): no message filed under 3\.5\.4 with letter C/);
  });

  it('3.5.5: an access-request export without the private note fails with business/notes-aktindsigt-missing-private', async () => {
    const dir = evidence();
    rmSync(join(dir, 'Notes_3.5.5_B.json'));
    const report = await run(dir);
    const s = step(report, '3.5.5');
    expect(s.status).toBe('failed');
    expect(s.issues).toContainEqual(expect.objectContaining({ ruleId: 'business/notes-aktindsigt-missing-private', fhirpath: 'steps[1]' }));
    // and 3.5.4, which does not read 3.5.5, still passes
    expect(step(report, '3.5.4').status).toBe('passed');
  });

  it("3.5.5: another patient's document in the access-request export fails with business/notes-aktindsigt-other-patient", async () => {
    const dir = evidence();
    copyFileSync(join(scenario, '..', '..', 'notes', 'invalid', 'notes-aktindsigt-other-patient.json'), join(dir, 'Notes_3.5.5_C.json'));
    const report = await run(dir);
    expect(step(report, '3.5.5').issues.map((i) => i.ruleId)).toContain('business/notes-aktindsigt-other-patient');
    expect(step(report, '3.5.5').status).toBe('failed');
  });
});

describe('protocol definitions: business and sequence checks', () => {
  const base = (): ProtocolDefinition => JSON.parse(JSON.stringify(notesSend)) as ProtocolDefinition;
  const localStep = (p: ProtocolDefinition, n: string): StepDef =>
    p.sections.find((s) => s.number === '3.5')!.rows.find((r): r is StepDef => r.type === 'step' && r.number === n)!;
  const problems = (p: ProtocolDefinition): string[] => {
    try {
      library.check(p, 'x.json');
      return [];
    } catch (e) {
      if (e instanceof ProtocolDefinitionError) return e.problems;
      throw e;
    }
  };

  it('the schema: a business check needs absent or present rule ids of the business layer; a sequence item names an action and a step', () => {
    const p = base();
    delete (localStep(p, '3.5.2').checks![0] as { absent?: string[] }).absent;
    expect(problems(p).join('\n')).toMatch(/\/sections\/\d+\/rows\/1/);
    const q = base();
    (localStep(q, '3.5.2').checks![0] as { absent?: string[] }).absent = ['cardinality/min'];
    expect(problems(q).length).toBeGreaterThan(0);
    const r = base();
    (localStep(r, '3.5.4').checks![0] as unknown as { sequence: { action: string }[] }).sequence[0]!.action = 'publish';
    expect(problems(r).length).toBeGreaterThan(0);
  });

  it('the cross-checks: local is required, rule ids must exist, sequence steps must exist, local only with such checks', () => {
    const p = base();
    delete localStep(p, '3.5.1').local;
    expect(problems(p)).toEqual([
      'step 3.5.1, check notes-send.local.four-kinds-shareable: a business check decides by our local business rules; the step must say "local": true',
    ]);
    const q = base();
    (localStep(q, '3.5.2').checks![0] as { absent?: string[] }).absent = ['business/notes-no-such-rule'];
    expect(problems(q)).toEqual([
      "step 3.5.2, check notes-send.local.no-other-kind-shared: 'business/notes-no-such-rule' is not a business rule id",
    ]);
    const r = base();
    (localStep(r, '3.5.5').checks![0] as unknown as { sequence: { step: string }[] }).sequence[0]!.step = 'notes-send.local.nowhere';
    expect(problems(r)).toEqual([
      "step 3.5.5, check notes-send.local.access-includes-private: the sequence names unknown step 'notes-send.local.nowhere'",
    ]);
    const s = base();
    const plain = s.sections[1]!.rows.find((x): x is StepDef => x.type === 'step' && x.automation === 'automated')!;
    plain.local = true;
    expect(problems(s)).toEqual([`step ${plain.number}: "local" is for steps our business rules decide (a business or sequence check)`]);
    expect(problems(base())).toEqual([]);
  });
});
