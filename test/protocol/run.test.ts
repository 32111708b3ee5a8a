import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { ProtocolLibrary } from '../../src/protocol/load.js';
import type { ProtocolDefinition } from '../../src/protocol/model.js';
import { ProtocolReportRenderer } from '../../src/protocol/report/render.js';
import type { ProtocolRunReport } from '../../src/protocol/report-model.js';
import { runProtocol } from '../../src/protocol/run.js';
import {
  clDocument,
  clSendEvidence,
  clValid,
  hcoInvalid,
  root,
  hcoSendEvidence,
  hcoSendEvidence12x,
  hcoValid,
  notesDocument,
  notesInvalid,
  notesSendEvidence,
  readExample,
  readZip,
  step,
  steps,
  withComparator,
} from './helpers.js';

const library = new ProtocolLibrary();
const hcoSend = library.get('hco-send');
const renderer = new ProtocolReportRenderer();
let defs: Definitions;
const dirs: string[] = [];
beforeAll(async () => {
  defs = await validationDefinitions();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function evidence(extra: Record<string, string | Record<string, unknown>> = {}): string {
  const d = hcoSendEvidence(extra);
  dirs.push(d);
  return d;
}

describe('protocol run hco-send', () => {
  it('on evidence in the HCO 1.2.x form (…MessageDefinition|1.1, our 1.2.1 example): checked against 1.2.0, every automatable step passes', async () => {
    const dir = hcoSendEvidence12x();
    dirs.push(dir);
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    expect(report.protocol.standard.checkedVersion).toBe('1.2.0');
    const automatable = steps(report).filter((s) => s.automation !== 'manual' && !s.notRelevant);
    expect(automatable.length).toBe(37);
    for (const s of automatable) {
      expect(s.status, `${s.number}: ${s.actualResult} ${JSON.stringify(s.checks.filter((c) => c.outcome !== 'pass'))}`).toBe(
        s.automation === 'automated' ? 'passed' : 'partial',
      );
    }
    expect(report.summary.verdict).toBe('pass');
    expect(report.summary.issues.error).toBe(0);
    // the 1.2.x form is what 1.2.0 intends: no invariants/intended warning on any message
    expect(JSON.stringify(report)).not.toContain('invariants/intended');
  });

  it('on evidence made from our valid HCO examples: every automatable step passes, none fails, manual steps stay manual', async () => {
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: evidence(), definitions: defs });
    const all = steps(report);
    const automatable = all.filter((s) => s.automation !== 'manual' && !s.notRelevant);
    expect(automatable.length).toBe(37);
    for (const s of automatable) {
      expect(s.status, `${s.number}: ${s.actualResult} ${JSON.stringify(s.checks.filter((c) => c.outcome !== 'pass'))}`).toBe(
        s.automation === 'automated' ? 'passed' : 'partial',
      );
    }
    // the machine never passes what it cannot decide
    for (const s of all.filter((x) => x.automation === 'manual' && !x.notRelevant)) expect(s.status).toBe('manual');
    for (const s of all.filter((x) => x.notRelevant)) expect(s.status).toBe('not-relevant');
    expect(report.summary.verdict).toBe('pass');
    expect(report.summary.failedSteps).toEqual([]);
    expect(report.summary.issues.error).toBe(0);
    // S1's steps read both S1 messages (JSON with a comparator, and the XML form of the quantity example)
    expect(step(report, '3.3.1.5').evidence).toEqual(['HomeCareObservation_3.3.1.1_A.json', 'HomeCareObservation_3.3.1.11_A.xml']);
    expect(
      step(report, '3.3.1.11')
        .checks.find((c) => c.kind === 'validate')
        ?.files.map((f) => f.outcome),
    ).toEqual(['pass', 'pass']);
  });

  it('an invalid bundle makes the step that validates it fail, with the rule id, constraint key, FHIRPath and line', async () => {
    const dir = evidence();
    rmSync(join(dir, 'HomeCareObservation_3.3.1.11_A.xml'));
    copyFileSync(join(hcoInvalid, 'invariants-sor-min-digits-receiver.json'), join(dir, 'HomeCareObservation_3.3.1.11_A.json'));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    const send = step(report, '3.3.1.11');
    expect(send.status).toBe('failed');
    expect(send.suggestedGrade).toBe('F1');
    const issue = send.issues.find((i) => i.constraintKey === 'min-digits-sor');
    expect(issue).toMatchObject({
      ruleId: 'invariants/failed',
      fhirpath: 'Bundle.entry[5].resource.identifier[1].value',
      file: 'HomeCareObservation_3.3.1.11_A.json',
      severity: 'error',
    });
    expect(issue?.line).toBeGreaterThan(1);
    expect(report.summary.verdict).toBe('fail');
    expect(report.summary.failedSteps).toEqual(['3.3.1.11']);
    // the content checks of the other S1 steps do not depend on the SOR code's length
    expect(step(report, '3.3.1.9').status).toBe('passed');
    // the report shows the rule id and location in the Actual result cell
    const md = renderer.markdown(report);
    const row = md.split('\n').find((l) => l.startsWith('| 3.3.1.11 '))!;
    expect(row).toContain(
      'invariants/failed (min-digits-sor) @ Bundle.entry\\[5\\].resource.identifier\\[1\\].value (HomeCareObservation\\_3.3.1.11\\_A.json:',
    );
    const html = renderer.htmlPage(report);
    expect(html).toContain('invariants/failed (min-digits-sor) @ Bundle.entry[5].resource.identifier[1].value');
  });

  it('a FHIRPath assert that does not hold fails its step and names the check (no comparator in S1)', async () => {
    const dir = evidence();
    copyFileSync(join(hcoValid, 'new-message-quantity.json'), join(dir, 'HomeCareObservation_3.3.1.1_A.json'));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    const s = step(report, '3.3.1.3');
    expect(s.status).toBe('failed');
    expect(s.checks.find((c) => c.id === 'hco-send.s1.comparator-present')).toMatchObject({ outcome: 'fail', over: 'any' });
    expect(step(report, '3.3.1.11').status).toBe('passed');
  });

  it('a message that is not valid JSON fails the steps that read it (it is the SUT output), with input/unreadable', async () => {
    const dir = evidence({ 'HomeCareObservation_3.3.3.4_A.json': '{"resourceType": "Bundle",' });
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    expect(step(report, '3.3.3.11').status).toBe('failed');
    expect(step(report, '3.3.3.11').issues).toEqual([expect.objectContaining({ ruleId: 'input/unreadable', severity: 'fatal', line: 1 })]);
    expect(step(report, '3.3.3.2').checks[0]?.files[0]).toMatchObject({
      outcome: 'error',
      error: expect.stringMatching(/could not be read/),
    });
    expect(step(report, '3.3.3.2').status).toBe('failed');
    expect(step(report, '3.3.1.2').status).toBe('passed');
  });

  it('lists unmatched files, steps without evidence, and a section-numbered file under its section', async () => {
    const dir = evidence({ 'notes.txt': 'x', 'HomeCareObservation_9.9_A.xml': '<x/>', 'HomeCareObservation_3.4_A.png': 'png' });
    rmSync(join(dir, 'HomeCareObservation_3.4.1_A.json'));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    expect(report.evidence.unmatched.map((u) => u.file).sort()).toEqual(['HomeCareObservation_9.9_A.xml', 'notes.txt']);
    expect(report.evidence.unmatched.find((u) => u.file === 'HomeCareObservation_9.9_A.xml')?.reason).toMatch(
      /9\.9, which is neither a step nor a section/,
    );
    expect(report.evidence.files.find((f) => f.file === 'HomeCareObservation_3.4_A.png')?.filedUnder).toEqual(['3.4']);
    expect(step(report, '3.4.1').status).toBe('no-evidence');
    expect(report.summary.missingEvidence).toEqual(['3.4.1']);
    expect(report.summary.verdict).toBe('incomplete');
    const md = renderer.markdown(report);
    expect(md).toContain('| notes.txt |');
    const html = renderer.htmlPage(report);
    expect(html).toContain('HomeCareObservation_9.9_A.xml');
  });

  it('a mapping file files evidence under steps whatever the names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-map-'));
    dirs.push(dir);
    writeFileSync(join(dir, 's1.json'), JSON.stringify(withComparator()));
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({ protocol: 'hco-send', steps: { '3.3.1.11': ['s1.json'], 'hco-send.tech.ecpr': [] } }),
    );
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    expect(report.evidence.files).toEqual([expect.objectContaining({ file: 's1.json', filedUnder: ['3.3.1.11'], by: ['mapping'] })]);
    expect(report.evidence.unmatched).toEqual([]);
    expect(step(report, '3.3.1.2').status).toBe('passed');
    expect(step(report, '3.3.1.11').status).toBe('passed');
  });
});

describe('the self-test ZIP', () => {
  it('holds the evidence under MedCom names (mapped files renamed with the next free letter) and report.md; unmatched files stay out', async () => {
    const dir = evidence({ 'out/s1-again.json': JSON.stringify(withComparator()), 'notes.txt': 'x' });
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify({ protocol: 'hco-send', steps: { '3.3.1.1': ['out/s1-again.json'] } }));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs, generatedAt: '2026-03-01T10:00:00Z' });
    const zip = renderer.archive(report);
    const entries = readZip(zip);
    const names = entries.map((e) => e.name);
    expect(names).toContain('HomeCareObservation_3.3.1.11_A.xml');
    expect(names).toContain('HomeCareObservation_3.3.1.8_A.png');
    // 3.3.1.1 already has an A by the naming rule: the mapped file becomes B
    expect(report.evidence.files.find((f) => f.file === 'out/s1-again.json')?.archiveName).toBe('HomeCareObservation_3.3.1.1_B.json');
    expect(names).toContain('HomeCareObservation_3.3.1.1_B.json');
    expect(names).not.toContain('notes.txt');
    expect(names[names.length - 1]).toBe('report.md');
    expect(entries.find((e) => e.name === 'report.md')?.data.toString('utf8')).toBe(renderer.markdown(report));
    expect(
      entries
        .find((e) => e.name === 'HomeCareObservation_3.3.1.11_A.xml')
        ?.data.equals(readFileSync(join(dir, 'HomeCareObservation_3.3.1.11_A.xml'))),
    ).toBe(true);
    // deterministic for the same run
    expect(renderer.archive(report).equals(zip)).toBe(true);
  });
});

/** A one-section draft protocol for HomeCareObservation 1.1.0 with the given step rows (a test fixture). */
function fixtureProtocol(id: string, rows: unknown[]): ProtocolDefinition {
  return library.check(
    {
      schema: 'medcom-test-protocol/1',
      id,
      direction: 'send',
      status: 'draft',
      title: { en: `${id} fixture` },
      protocolVersion: '0.1.0',
      protocolDate: '2026-01-01',
      source: 'test fixture',
      standard: {
        name: 'HomeCareObservation',
        nameEn: 'HomeCareObservation',
        nameDa: 'Kommunale Prøvesvar',
        version: '1.1.0',
        type: 'HL7 FHIR',
        kind: 'message',
        ig: 'hco',
        targets: '1.1.0-trial-use',
      },
      versioning: [{ version: '0.1.0', initials: 'T', date: '2026-01-01', description: ['fixture'] }],
      prerequisites: [],
      evidenceNaming: { pattern: '{standard}_{step}_{letter}.{ext}', example: 'HomeCareObservation_3.1.1_A.xml' },
      useCaseSection: { number: '3', title: { en: 'Use case' } },
      useCases: [{ id: 'S', description: { en: 'send' }, section: '3.1', mandatory: 'M' }],
      sections: [{ number: '3.1', title: { en: 'S' }, useCase: 'S', rows }],
    },
    id,
  );
}

describe('flow variables', () => {
  const flow = (): ProtocolDefinition =>
    fixtureProtocol('flow-test', [
      {
        type: 'step',
        id: 'flow-test.new',
        number: '3.1.1',
        action: { en: 'Send a message' },
        expectedResult: { en: 'sent' },
        automation: 'automated',
        checks: [
          {
            kind: 'fhirpath',
            id: 'flow-test.new-message',
            description: { en: 'new-message' },
            expression: "Bundle.entry.resource.ofType(Provenance).activity.coding.code = 'new-message'",
          },
        ],
        captures: [
          {
            name: 'previousHeader',
            expression: "'MessageHeader/' + Bundle.entry[0].resource.id",
            description: { en: 'the MessageHeader of the message' },
          },
          { name: 'previousTimestamp', expression: 'Bundle.timestamp', description: { en: 'when it was sent' } },
        ],
      },
      {
        type: 'step',
        id: 'flow-test.correct',
        number: '3.1.2',
        action: { en: 'Correct it' },
        expectedResult: { en: 'the correction refers to the message' },
        automation: 'automated',
        checks: [
          {
            kind: 'fhirpath',
            id: 'flow-test.revision-of-previous',
            description: { en: 'the revision refers to the previous MessageHeader' },
            uses: ['previousHeader'],
            expression:
              "Bundle.entry.resource.ofType(Provenance).where(activity.coding.code = 'modified-message').entity.where(role = 'revision').what.reference.where($this = %previousHeader).exists()",
          },
          {
            kind: 'fhirpath',
            id: 'flow-test.later',
            description: { en: 'sent after the previous message' },
            uses: ['previousTimestamp'],
            expression: 'Bundle.timestamp > %previousTimestamp.toDateTime()',
          },
          {
            kind: 'fhirpath',
            id: 'flow-test.count',
            description: { en: 'the correction carries its one Provenance' },
            expression: 'Bundle.entry.resource.ofType(Provenance).count()',
            operator: 'equals',
            value: '1',
          },
        ],
      },
    ]);

  async function runFlow(first: string, second: string): Promise<ProtocolRunReport> {
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-flow-'));
    dirs.push(dir);
    copyFileSync(join(hcoValid, first), join(dir, 'HomeCareObservation_3.1.1_A.json'));
    copyFileSync(join(hcoValid, second), join(dir, 'HomeCareObservation_3.1.2_A.json'));
    return runProtocol({ protocol: flow(), evidenceDir: dir, definitions: defs });
  }

  it('carries the previous MessageHeader and timestamp into the correction', async () => {
    const report = await runFlow('new-message-quantity.json', 'modified-message-revision.json');
    expect(step(report, '3.1.1').captured).toEqual([
      {
        name: 'previousHeader',
        value: `["MessageHeader/${String((readExample(join(hcoValid, 'new-message-quantity.json'))['entry'] as { resource: { id: string } }[])[0]!.resource.id)}"]`,
      },
      { name: 'previousTimestamp', value: '["2025-02-17T08:05:12+01:00"]' },
    ]);
    expect(step(report, '3.1.2').status).toBe('passed');
    expect(step(report, '3.1.2').checks.map((c) => c.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails the correction when it does not refer to the message sent before it', async () => {
    const report = await runFlow('new-message-string-results.json', 'modified-message-revision.json');
    const s = step(report, '3.1.2');
    expect(s.status).toBe('failed');
    expect(s.checks.find((c) => c.id === 'flow-test.revision-of-previous')?.outcome).toBe('fail');
  });

  it('reports a check whose variable was never captured as an error, not a pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-flow-'));
    dirs.push(dir);
    copyFileSync(join(hcoValid, 'modified-message-revision.json'), join(dir, 'HomeCareObservation_3.1.2_A.json'));
    const report = await runProtocol({ protocol: flow(), evidenceDir: dir, definitions: defs });
    expect(step(report, '3.1.1').status).toBe('no-evidence');
    const s = step(report, '3.1.2');
    expect(s.status).toBe('failed');
    expect(s.checks.find((c) => c.id === 'flow-test.revision-of-previous')?.files[0]?.error).toMatch(/%previousHeader/);
  });
});

describe('resolve() in protocol checks', () => {
  const protocol = (): ProtocolDefinition =>
    fixtureProtocol('resolve-test', [
      {
        type: 'step',
        id: 'resolve-test.contained',
        number: '3.1.1',
        action: { en: 'Send a message' },
        expectedResult: { en: 'the performer is the contained one' },
        automation: 'automated',
        checks: [
          {
            kind: 'fhirpath',
            id: 'resolve-test.reference',
            description: { en: 'performer as a Reference' },
            expression:
              "Bundle.entry.resource.ofType(Observation).performer.where(reference = '#perf').resolve().name.family = 'Contained'",
          },
          {
            kind: 'fhirpath',
            id: 'resolve-test.string',
            description: { en: 'performer as its reference string' },
            expression:
              "Bundle.entry.resource.ofType(Observation).performer.reference.where($this = '#perf').resolve().name.family = 'Contained'",
          },
        ],
      },
    ]);

  it("a #id inside a Bundle entry resolves to that entry's contained resource", async () => {
    const b = readExample(join(hcoValid, 'new-message-quantity.json'));
    const obs = (b['entry'] as { resource: Record<string, unknown> }[])
      .map((e) => e.resource)
      .find((r) => r['resourceType'] === 'Observation')!;
    obs['contained'] = [{ resourceType: 'Practitioner', id: 'perf', name: [{ family: 'Contained' }] }];
    obs['performer'] = [...((obs['performer'] as unknown[] | undefined) ?? []), { reference: '#perf' }];
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-resolve-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'HomeCareObservation_3.1.1_A.json'), JSON.stringify(b));
    const report = await runProtocol({ protocol: protocol(), evidenceDir: dir, definitions: defs });
    expect(step(report, '3.1.1').checks.map((c) => [c.id, c.outcome])).toEqual([
      ['resolve-test.reference', 'pass'],
      ['resolve-test.string', 'pass'],
    ]);
    expect(step(report, '3.1.1').status).toBe('passed');
  });
});

describe('protocol reports', () => {
  let report: ProtocolRunReport;
  let reportDa: ProtocolRunReport;
  beforeAll(async () => {
    const dir = evidence();
    const vendor = {
      company: 'ACME <script>alert(1)</script> A/S',
      system: 'Care|Plan *v2*',
      version: '4.2',
      testType: 'self-test' as const,
    };
    report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs, vendor });
    reportDa = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs, vendor, lang: 'da' });
  });

  const EN = ['Test step #', 'Action', 'Test data', 'Expected result', 'Actual result', 'MedCom assessment'];
  const DA = ['Teststep #', 'Handling', 'Testdata/testperson', 'Forventet resultat', 'Aktuelt resultat', 'MedCom-vurdering'];

  it('report.md: one six-column table per section, sub-heading rows, N/R rows, blank MedCom assessment, labelled suggestions', () => {
    const md = renderer.markdown(report);
    // the md helper escapes Markdown punctuation: `#` is written `\#` (GFM shows `#`)
    const header = `| ${EN.join(' | ').replace('#', '\\#')} |`;
    expect(md.split('\n').filter((l) => l === header)).toHaveLength(hcoSend.sections.length);
    expect(md).toContain('| **E-CPR** | | | | | |');
    expect(md).toMatch(/\| 3\.3\.4\.9 \|.*— \*\*not relevant\*\* — Not relevant in this test course \(N\/R\)\./);
    // every step row ends with an empty MedCom assessment cell
    for (const line of md.split('\n').filter((l) => /^\| 3\.\d/.test(l))) expect(line.endsWith('| |')).toBe(true);
    expect(md).toContain('_Suggested (tool): OK (approved)_');
    expect(md).toContain('| S1.A4 | Send HomeCareObservation with refused consent to share observation results | 3.3.4 | M | N/R |');
    expect(md).toContain('| S.CANC | Cancel a sent HomeCareObservation | NOT PART OF TEST PROTOCOL | M | N/R |');
    expect(md).not.toContain('<script>');
    expect(md).toContain('Care\\|Plan \\*v2\\*');
    // MedCom's order: 3.2, then the 3.3 heading with the use-case table, then 3.3.1 …, then 3.4
    const at = (h: string): number => md.indexOf(`\n### ${h}`);
    expect(at('3.2 Test of ITB test scripts')).toBeGreaterThan(0);
    expect(at('3.2 Test of ITB test scripts')).toBeLessThan(at('3.3 Test of requirements'));
    expect(at('3.3 Test of requirements')).toBeLessThan(at('3.3.1 S1: Send HomeCareObservation'));
    expect(at('3.3.4 S1.A4')).toBeLessThan(at('3.4 Test of technical requirements'));
  });

  it('--lang da renders the Danish headings', () => {
    const md = renderer.markdown(reportDa);
    expect(md).toContain(`| ${DA.join(' | ').replace('#', '\\#')} |`);
    expect(md).not.toContain('Test step');
    const html = renderer.htmlPage(reportDa);
    for (const h of DA) expect(html).toContain(`<th>${h}</th>`);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Forslag (værktøj): OK (godkendt)');
  });

  it('report.html: six columns per table, group rows span them, assessment cells empty, vendor text escaped', () => {
    const html = renderer.htmlPage(report);
    const tables = html
      .split('<table class="protocol">')
      .slice(1)
      .map((t) => t.slice(0, t.indexOf('</table>')));
    expect(tables).toHaveLength(hcoSend.sections.length);
    for (const t of tables) expect(t).toContain(`<tr>${EN.map((h) => `<th>${h}</th>`).join('')}</tr>`);
    expect(html).toContain('<tr class="group"><td colspan="6">E-CPR</td></tr>');
    expect(html).toMatch(/<tr class="group nr"><td colspan="6">Check of message size \(Not relevant in production trial\)/);
    expect((html.match(/<td class="assessment"><\/td>/g) ?? []).length).toBe(steps(report).length);
    expect(html).not.toContain('<script>');
    expect(html).toContain('ACME &lt;script&gt;alert(1)&lt;/script&gt; A/S');
  });

  it('junit.xml is well-formed: one testcase per step, manual steps skipped, failures for failed steps', async () => {
    const dir = evidence();
    copyFileSync(join(hcoInvalid, 'cardinality-min-diagnosticreport-status.json'), join(dir, 'HomeCareObservation_3.3.3.4_A.json'));
    const failing = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    const xml = renderer.junit(failing);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: { testcase: { name: string; failure?: { '#text': string }; skipped?: unknown }[] }[];
      };
    };
    const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(steps(failing).length);
    expect(Number(parsed.testsuites.tests)).toBe(cases.length);
    const failed = cases.filter((c) => c.failure).map((c) => c.name.split(' ')[0]);
    expect(failed).toEqual(failing.summary.failedSteps);
    expect(failed).toContain('3.3.3.5');
    expect(failed).toContain('3.3.3.11');
    const sendCase = cases.find((c) => c.name.startsWith('3.3.3.11 '))!;
    expect(sendCase.failure?.['#text']).toContain('cardinality/min Bundle.entry[2].resource.status');
    expect(cases.find((c) => c.name.startsWith('3.4.3 '))?.skipped).toBeDefined();
  });

  it('report.json is the run model, and the writer puts the report files and the self-test ZIP side by side', async () => {
    const out = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-out-'));
    dirs.push(out);
    const files = await renderer.writeAll(report, out);
    expect(files.map((f) => f.slice(out.length + 1))).toEqual([
      'report.json',
      'report.md',
      'report.html',
      'junit.xml',
      'HomeCareObservation_selftest.zip',
    ]);
    const json = JSON.parse(renderer.json(report)) as ProtocolRunReport;
    expect(json.schema).toBe('medcom-test-report/1');
    expect(json.testResult).toEqual({ testDate: '', testLocation: '', approved: null, remarks: '', carriedOutBy: '' });
    expect(json.vendor.company).toContain('ACME');
  });
});

describe('protocol run conditionlist-send', () => {
  const clSend = library.get('conditionlist-send');

  function clEvidence(extra: Record<string, string | Record<string, unknown>> = {}): string {
    const d = clSendEvidence(extra);
    dirs.push(d);
    return d;
  }

  it('has the 1.0.2 layout: 3.2.0.1, S1(1)–S1(7) with 12/6/4/4/4/3/3 steps, 3.4.1.1, 3.4.2.1–3, 3.4.3.1–19', () => {
    const numbers = clSend.sections.flatMap((s) => s.rows.flatMap((r) => (r.type === 'step' ? [r.number] : [])));
    expect(numbers).toHaveLength(60);
    expect(numbers[0]).toBe('3.2.0.1');
    for (const [i, n] of [12, 6, 4, 4, 4, 3, 3].entries()) expect(numbers.filter((x) => x.startsWith(`3.3.${i + 1}.`))).toHaveLength(n);
    expect(numbers.filter((x) => x.startsWith('3.4.3.'))).toHaveLength(19);
  });

  it('on documents made from our valid ConditionList examples: every automatable step passes', async () => {
    const report = await runProtocol({ protocol: clSend, evidenceDir: clEvidence(), definitions: defs });
    for (const s of steps(report).filter((x) => x.automation !== 'manual' && !x.optional)) {
      expect(s.status, `${s.number}: ${JSON.stringify(s.checks.filter((c) => c.outcome !== 'pass'))}`).toBe(
        s.automation === 'automated' ? 'passed' : 'partial',
      );
    }
    expect(step(report, '3.4.3.18').status).toBe('no-evidence'); // optional: "If SUT supports it"
    expect(report.summary).toMatchObject({ verdict: 'pass', failedSteps: [], missingEvidence: [] });
    // the flow: S1(4) is compared with the S1(3) document, S1(5) with S1(4)
    expect(step(report, '3.3.3.3').captured.map((c) => c.name)).toEqual(['s13CompositionDate', 's13Timestamp']);
    expect(step(report, '3.3.4.3').status).toBe('passed');
    expect(step(report, '3.3.5.3').status).toBe('passed');
  });

  it('fails 3.3.4.3 when the S1(4) document was not updated after the S1(3) one', async () => {
    const dir = clEvidence({
      'ConditionList_3.3.4.2_A.json': clDocument('resolved-condition-with-abatement.json', '2025-03-04T08:00:00+01:00'),
    });
    const report = await runProtocol({ protocol: clSend, evidenceDir: dir, definitions: defs });
    expect(step(report, '3.3.4.3')).toMatchObject({ status: 'failed' });
    expect(step(report, '3.3.4.3').checks[0]).toMatchObject({ id: 'conditionlist-send.s14.timestamps-updated', outcome: 'fail' });
  });

  it('an invalid document fails the content step about the element, with the validator finding (no Composition.title → 3.4.3.9)', async () => {
    const dir = clEvidence();
    copyFileSync(
      join(root, 'examples', 'conditionlist', 'invalid', 'cardinality-min-composition-title.json'),
      join(dir, 'ConditionList_3.4.3_A.json'),
    );
    const report = await runProtocol({ protocol: clSend, evidenceDir: dir, definitions: defs });
    const title = step(report, '3.4.3.9');
    expect(title.status).toBe('failed');
    expect(title.issues).toEqual([expect.objectContaining({ ruleId: 'cardinality/min', fhirpath: 'Bundle.entry[0].resource.title' })]);
    expect(step(report, '3.4.3.1').status).toBe('failed');
    expect(step(report, '3.4.3.7').status).toBe('passed');
  });

  it('fails the protocol rules our examples do not follow as written: notes shared, text not the SKS-D display', async () => {
    const dir = clEvidence();
    copyFileSync(join(clValid, 'several-conditions-icpc2-sksd.json'), join(dir, 'ConditionList_3.3.2.2_A.json'));
    const report = await runProtocol({ protocol: clSend, evidenceDir: dir, definitions: defs });
    expect(step(report, '3.3.2.2').status).toBe('passed'); // valid against the profile
    expect(step(report, '3.3.2.3')).toMatchObject({ status: 'failed' });
    expect(step(report, '3.3.2.4')).toMatchObject({ status: 'failed' });
  });
});

describe('receive protocols (every step manual)', () => {
  it('hco-receive: evidence is listed on its steps, nothing is passed, the verdict says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-rcv-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'HomeCareObservation_3.2.1.4_A.png'), 'png');
    writeFileSync(join(dir, 'HomeCareObservation_3.2.1.4_B.png'), 'png');
    copyFileSync(join(hcoValid, 'new-message-quantity.xml'), join(dir, 'HomeCareObservation_3.3.5_A.xml'));
    const report = await runProtocol({ protocol: library.get('hco-receive'), evidenceDir: dir, definitions: defs, lang: 'da' });
    expect(steps(report).every((s) => s.status === 'manual' || s.status === 'not-relevant')).toBe(true);
    expect(step(report, '3.2.1.4')).toMatchObject({
      status: 'manual',
      evidence: ['HomeCareObservation_3.2.1.4_A.png', 'HomeCareObservation_3.2.1.4_B.png'],
    });
    expect(step(report, '3.2.1.4').actualResult).toMatch(/2 dokumentationsfil\(er\) vedlagt til MedCom/);
    expect(step(report, '3.3.5').evidence).toEqual(['HomeCareObservation_3.3.5_A.xml']);
    expect(step(report, '3.2.2.1').status).toBe('not-relevant');
    expect(report.summary.verdict).toBe('manual');
    expect(renderer.markdown(report)).toContain('MANUEL — intet teststep i denne protokol afgøres af værktøjet');
  });
});

describe('validation findings attributed to the steps about their elements', () => {
  it('a result longer than 12 characters fails the alphanumerical-result step with types/max-length, not only the send step', async () => {
    const dir = evidence();
    copyFileSync(join(hcoInvalid, 'types-max-length-observation-valuestring.json'), join(dir, 'HomeCareObservation_3.3.2.3_A.json'));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    const alnum = step(report, '3.3.2.3');
    expect(alnum.status).toBe('failed');
    expect(alnum.issues).toEqual([
      expect.objectContaining({
        ruleId: 'types/max-length',
        fhirpath: 'Bundle.entry[8].resource.valueString',
        file: 'HomeCareObservation_3.3.2.3_A.json',
      }),
    ]);
    expect(alnum.checks.find((c) => c.id === 'hco-send.s1a2.alphanumeric.profile-findings')?.outcome).toBe('fail');
    expect(step(report, '3.3.2.12').status).toBe('failed');
    // steps about other elements are not affected (3.3.2.2 is about the numerical results)
    expect(step(report, '3.3.2.2').status).toBe('passed');
    expect(step(report, '3.3.2.6').status).toBe('passed');
    expect(step(report, '3.3.2.8').status).toBe('passed');
  });

  it('a DiagnosticReport without status fails the status step by the FHIRPath assert and by cardinality/min', async () => {
    const dir = evidence();
    copyFileSync(join(hcoInvalid, 'cardinality-min-diagnosticreport-status.json'), join(dir, 'HomeCareObservation_3.3.3.4_A.json'));
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: dir, definitions: defs });
    const status = step(report, '3.3.3.5');
    expect(status.status).toBe('failed');
    expect(status.checks.find((c) => c.id === 'hco-send.s1a3.report-status')?.outcome).toBe('fail');
    expect(status.issues).toEqual([expect.objectContaining({ ruleId: 'cardinality/min', fhirpath: 'Bundle.entry[2].resource.status' })]);
  });

  it('typed paths: the entry resource type for the entry, indexes dropped, [x] matching the choice', async () => {
    const { typedPath, attributePattern } = await import('../../src/protocol/run.js');
    const entries = [{ resource: { resourceType: 'MessageHeader' } }, { resource: { resourceType: 'Observation' } }];
    expect(typedPath('Bundle.entry[1].resource.valueQuantity.value', entries)).toBe('Observation.valueQuantity.value');
    expect(typedPath('Bundle.entry[0].resource.destination[0].receiver', entries)).toBe('MessageHeader.destination.receiver');
    expect(typedPath('Bundle.timestamp', entries)).toBe('Bundle.timestamp');
    expect(typedPath('Bundle.entry[7].resource.id', entries)).toBeUndefined();
    expect(attributePattern('Observation.value[x]').test('Observation.valueQuantity.value')).toBe(true);
    expect(attributePattern('Observation.value[x]').test('Observation.valueString')).toBe(true);
    expect(attributePattern('Observation.code').test('Observation.code.coding.display')).toBe(true);
    expect(attributePattern('Observation.code').test('Observation.codeX')).toBe(false);
    expect(attributePattern('Practitioner').test('PractitionerRole.code')).toBe(false);
    expect(attributePattern('Practitioner').test('Practitioner.telecom')).toBe(true);
  });
});

describe('protocol run notes-send (draft, drafted from the Notes IG)', () => {
  const notesSend = library.get('notes-send');

  function notesEvidence(extra: Record<string, string | Record<string, unknown>> = {}): string {
    const d = notesSendEvidence(extra);
    dirs.push(d);
    return d;
  }

  it('is a draft, says so in its front matter, and numbers its own steps', () => {
    expect(notesSend.status).toBe('draft');
    expect(notesSend.standard).toMatchObject({
      name: 'Notes',
      nameEn: 'Shared journal notes',
      nameDa: 'Deling af journalnotater',
      ig: 'notes',
      targets: '1.0.0',
      kind: 'document',
    });
    expect(notesSend.standard.versionNote).toMatch(/MedCom has not published a Notes test protocol/);
    expect(notesSend.prerequisites[0]!.en).toMatch(/^DRAFT: MedCom has not published/);
    expect(notesSend.useCases.map((u) => u.id)).toEqual(['S1', 'S1.A1', 'S1.A2', 'S1.A3', 'S1.A4', 'S1.A5', 'C1.A1']);
    const numbers = notesSend.sections.flatMap((s) => s.rows.flatMap((r) => (r.type === 'step' ? [r.number] : [])));
    expect(numbers).toHaveLength(53); // 48 drafted from the Notes IG, 5 of our local rules (§3.5, test/protocol/local-steps.test.ts)
    expect(numbers.filter((x) => x.startsWith('3.4.2.'))).toHaveLength(17);
    // nothing about blockage or consultation kind is decided by a machine: the IG carries neither
    for (const s of notesSend.sections.filter((x) => ['S1.A3', 'S1.A4', 'C1.A1'].includes(x.useCase ?? ''))) {
      for (const r of s.rows) if (r.type === 'step') expect(r.automation).toBe('manual');
    }
  });

  it('on documents made from our valid Notes examples: every automatable step passes', async () => {
    const report = await runProtocol({ protocol: notesSend, evidenceDir: notesEvidence(), definitions: defs });
    const all = steps(report);
    const automatable = all.filter((s) => s.automation !== 'manual');
    expect(automatable).toHaveLength(35); // 30 of the Notes IG, 5 of our local rules (§3.5)
    for (const s of automatable) {
      expect(s.status, `${s.number}: ${JSON.stringify(s.checks.filter((c) => c.outcome !== 'pass'))}`).toBe(
        s.automation === 'automated' ? 'passed' : 'partial',
      );
    }
    for (const s of all.filter((x) => x.automation === 'manual')) expect(s.status).toBe('manual');
    expect(report.protocol.status).toBe('draft');
    expect(report.summary).toMatchObject({ verdict: 'pass', failedSteps: [], missingEvidence: [] });
    expect(report.summary.issues.error).toBe(0);
    // the update flow: S1's document is captured, the update (3.3.2.x) and the additional note (3.3.3.3) compare with it
    expect(step(report, '3.3.1.4').captured.map((c) => c.name)).toEqual(['s1Identifier', 's1Created', 's1Date', 's1Note', 's1Cpr']);
    expect(step(report, '3.3.2.4').checks.map((c) => c.outcome)).toEqual(['pass', 'pass', 'pass', 'pass']);
    // §3.4.2 reads the JSON and the XML form of our example
    expect(step(report, '3.4.2.1').checks[0]!.files.map((f) => f.outcome)).toEqual(['pass', 'pass']);
  });

  it('fails the update when it does not keep the creation time or is not later than the first document', async () => {
    const dir = notesEvidence({
      'Notes_3.3.2.3_A.json': notesDocument('encounter-note-practitioner.json', {
        created: '2025-06-12T14:40:00+02:00',
        date: '2025-06-12T14:30:00+02:00',
        timestamp: '2025-06-14T08:00:00+02:00',
        note: '<p>Rettet notat.</p>',
      }),
    });
    const report = await runProtocol({ protocol: notesSend, evidenceDir: dir, definitions: defs });
    const update = step(report, '3.3.2.4');
    expect(update.status).toBe('failed');
    expect(update.checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual([
      'notes-send.s1a1.update-after-creation',
      'notes-send.s1a1.update-after-previous',
      'notes-send.s1a1.creation-kept',
    ]);
    expect(step(report, '3.3.2.3').status).toBe('passed'); // still a valid document
    expect(report.summary.failedSteps).toEqual(['3.3.2.4']);
  });

  it('fails an update that repeats the first document (same document id, same note)', async () => {
    const dir = notesEvidence();
    copyFileSync(join(dir, 'Notes_3.3.1.4_A.json'), join(dir, 'Notes_3.3.2.3_A.json'));
    const report = await runProtocol({ protocol: notesSend, evidenceDir: dir, definitions: defs });
    expect(step(report, '3.3.2.3').checks.find((c) => c.id === 'notes-send.s1a1.note-changed')?.outcome).toBe('fail');
    expect(step(report, '3.3.2.5').checks.find((c) => c.id === 'notes-send.s1a1.new-identifier')?.outcome).toBe('fail');
  });

  it("a date before the creation fails 3.3.1.7 (as MedCom's tec-invalidSwappedDates); a blank note is a warning on 3.3.1.5", async () => {
    const swapped = notesDocument('encounter-note-organization.json', {
      created: '2025-06-15T10:00:00+02:00',
      date: '2025-06-12T10:00:00+02:00',
      timestamp: '2025-06-16T08:00:00+02:00',
    });
    const blank = notesDocument('encounter-note-organization.json', {
      created: '2025-06-12T16:00:00+02:00',
      date: '2025-06-12T16:00:00+02:00',
      timestamp: '2025-06-13T08:00:00+02:00',
      note: ' ',
    });
    const report = await runProtocol({
      protocol: notesSend,
      evidenceDir: notesEvidence({ 'Notes_3.3.1.7_A.json': swapped, 'Notes_3.3.1.5_A.json': blank }),
      definitions: defs,
    });
    expect(step(report, '3.3.1.7').status).toBe('failed');
    expect(step(report, '3.3.1.7').checks[0]).toMatchObject({ id: 'notes-send.s1.date-not-before-creation', outcome: 'fail' });
    expect(step(report, '3.3.1.5').checks.find((c) => c.id === 'notes-send.s1.note-not-blank')?.outcome).toBe('warning');
  });

  it('an invalid document from examples/notes/invalid fails the step about the element, with rule id, constraint key and location', async () => {
    const dir = notesEvidence();
    copyFileSync(join(notesInvalid, 'invariants-cpr-patient-identifier.json'), join(dir, 'Notes_3.4.2_A.json'));
    const report = await runProtocol({ protocol: notesSend, evidenceDir: dir, definitions: defs });
    const subject = step(report, '3.4.2.8');
    expect(subject.status).toBe('failed');
    expect(subject.issues).toContainEqual(
      expect.objectContaining({
        file: 'Notes_3.4.2_A.json',
        ruleId: 'invariants/failed',
        constraintKey: 'cpr',
        fhirpath: 'Bundle.entry[2].resource.identifier[0].value',
        line: expect.any(Number),
      }),
    );
    expect(step(report, '3.4.2.1').status).toBe('failed');
    expect(step(report, '3.4.2.5').status).toBe('passed');
    const md = renderer.markdown(report);
    expect(md).toContain('invariants/failed');
    expect(md).toContain('Bundle.entry\\[2\\].resource.identifier\\[0\\].value'); // Markdown-escaped
  });

  it('an Observation without effectiveDateTime fails the creation-time step with cardinality/min', async () => {
    const dir = notesEvidence();
    copyFileSync(join(notesInvalid, 'cardinality-min-observation-effective.json'), join(dir, 'Notes_3.4.2_A.json'));
    const report = await runProtocol({ protocol: notesSend, evidenceDir: dir, definitions: defs });
    const effective = step(report, '3.4.2.15');
    expect(effective.status).toBe('failed');
    expect(effective.issues).toContainEqual(
      expect.objectContaining({ ruleId: 'cardinality/min', fhirpath: expect.stringMatching(/^Bundle\.entry\[1\]\.resource/) }),
    );
  });
});
