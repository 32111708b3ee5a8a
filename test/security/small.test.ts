/**
 * Issue 12, point 10 (the small holes): Resource.id format, JUnit well-formed with control
 * characters in content, no terminal escapes from content in text output, the FHIRPath of odd keys
 * (`__proto__`) and no prototype pollution through them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { ProtocolLibrary } from '../../src/protocol/load.js';
import { renderProtocolJunit } from '../../src/protocol/report/render.js';
import type { StepResult } from '../../src/protocol/report-model.js';
import { runProtocol } from '../../src/protocol/run.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/md.js';
import { renderText } from '../../src/report/text.js';
import { renderTestScriptJunit, renderTestScriptText, runTestScript, type TestScriptRunReport } from '../../src/testscript/run.js';
import { shorten, terminalSafe } from '../../src/util/text.js';
import { xmlText } from '../../src/util/xml-text.js';
import { fhirPathName } from '../../src/validator/context.js';
import type { FileReport } from '../../src/validator/issue.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { igDefinitions, issuesOf, sharedValidator, validate } from '../helpers/validate.js';
import { hcoSendEvidence, hcoValid } from '../protocol/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-small-'));
const dirs: string[] = [tmp];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let defs: Definitions;
beforeAll(async () => {
  defs = await igDefinitions();
});

/** Content an attacker puts in a document: a C0 control, ESC with a colour sequence, a lone surrogate. */
const HOSTILE = 'x\u0001y\u001b[31mred\ud800z';
const ESC = '\u001b';

function patient(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: 'Patient', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">p</div>' }, ...extra };
}

/** A Bundle whose content carries HOSTILE in a key (structure/unknown-element) and in an id (types/primitive-format). */
function hostileBundle(): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    id: HOSTILE,
    [HOSTILE]: 1,
    entry: [{ fullUrl: 'urn:uuid:8f3c1a52-1d2b-4c3e-9f4a-0b1c2d3e4f50', resource: patient({ id: 'p1', [`k${HOSTILE}`]: true }) }],
  };
}

const cli = (...args: string[]): CliRun => runCli(args);

function at(report: FileReport, ruleId: string): string[] {
  return issuesOf(report, ruleId).map((i) => i.location.fhirpath);
}

describe('types/primitive-format on Resource.id (R4 snapshots type it System.String with fhir-type "string")', () => {
  it.each([
    ['a space', 'a b'],
    ['65 characters', 'x'.repeat(65)],
    ['a control character', 'a\u0001b'],
    ['empty', ''],
  ])('an id with %s is an error at Patient.id', async (_, id) => {
    const r = await validate(patient({ id }));
    expect(at(r, 'types/primitive-format')).toEqual(['Patient.id']);
    expect(r.valid).toBe(false);
  });

  it.each([['abc-1.2'], ['x'.repeat(64)], ['A.b-9']])('%s passes', async (id) => {
    const r = await validate(patient({ id }));
    expect(issuesOf(r, 'types/primitive-format')).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('a 200,000-character id: an error quickly, and the message does not carry the 200,000 characters', async () => {
    const started = Date.now();
    const r = await validate(patient({ id: 'a'.repeat(200_000) }));
    expect(Date.now() - started).toBeLessThan(30_000); // generous: it is one anchored regex test
    const [issue] = issuesOf(r, 'types/primitive-format');
    expect(issue?.location.fhirpath).toBe('Patient.id');
    expect(issue!.message.length).toBeLessThan(300);
    // the expected form is named in both languages
    expect(issue!.message).toContain('[A-Za-z0-9\\-\\.]{1,64}');
    const da = (await sharedValidatorDa()).validateText('fixture.json', JSON.stringify(patient({ id: 'a b' })));
    expect(issuesOf(da, 'types/primitive-format')[0]?.message).toContain('[A-Za-z0-9\\-\\.]{1,64}');
  });

  it('every Resource.id: the root, a contained resource, a Bundle entry, a resource in a parameter', async () => {
    const r = await validate({
      resourceType: 'Bundle',
      id: 'b 1',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:8f3c1a52-1d2b-4c3e-9f4a-0b1c2d3e4f50', resource: patient({ id: 'e 1', contained: [patient({ id: 'c 1' })] }) },
      ],
    });
    expect(at(r, 'types/primitive-format').sort()).toEqual([
      'Bundle.entry[0].resource.contained[0].id',
      'Bundle.entry[0].resource.id',
      'Bundle.id',
    ]);
    const p = await validate({ resourceType: 'Parameters', parameter: [{ name: 'p', resource: patient({ id: 'p 1' }) }] });
    expect(at(p, 'types/primitive-format')).toEqual(['Parameters.parameter[0].resource.id']);
  });

  it('other elements of FHIR type id are checked as before (Meta.versionId); Element.id stays a string', async () => {
    const r = await validate(patient({ id: 'ok', meta: { versionId: 'v 1' }, name: [{ id: 'any string is fine here', family: 'F' }] }));
    expect(at(r, 'types/primitive-format')).toEqual(['Patient.meta.versionId']);
  });

  it('an id in XML is checked the same way', async () => {
    const xml =
      '<Patient xmlns="http://hl7.org/fhir"><id value="a b"/><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">p</div></text></Patient>';
    const r = (await sharedValidator()).validateText('fixture.xml', xml);
    expect(at(r, 'types/primitive-format')).toEqual(['Patient.id']);
  });
});

let da: ReturnType<typeof sharedValidator> | undefined;
async function sharedValidatorDa(): ReturnType<typeof sharedValidator> {
  const { newValidator } = await import('../../src/api/validate.js');
  const { readXml } = await import('../../src/validator/load/xml.js');
  da ??= Promise.resolve(newValidator(defs, { locale: 'da', readXml }));
  return da;
}

describe('shorten never splits a character', () => {
  it('cuts before a surrogate pair it cannot keep whole, and copies only what it keeps', () => {
    expect(shorten('abc', 80)).toBe('abc');
    const s = shorten(`${'a'.repeat(78)}😀b`, 80);
    expect(s).toBe(`${'a'.repeat(78)}…`);
    expect(shorten('a'.repeat(200_000), 80)).toHaveLength(80);
  });
});

describe('JUnit output is well-formed XML when content holds control characters and lone surrogates', () => {
  it('one escaping function: what XML 1.0 cannot carry is shown as \\uXXXX, markup escaped', () => {
    expect(xmlText('a\u0001b\u001b<&>"\'\ud800\uffff\t\n\r😀')).toBe('a\\u0001b\\u001b&lt;&amp;&gt;&quot;&apos;\\ud800\\uffff\t\n\r😀');
    expect(XMLValidator.validate(`<a b="${xmlText(HOSTILE)}">${xmlText(HOSTILE)}</a>`)).toBe(true);
  });

  it('validate --format junit (report/junit.ts)', async () => {
    const report = await validate(hostileBundle());
    expect(at(report, 'structure/unknown-element').length).toBeGreaterThan(0);
    expect(at(report, 'types/primitive-format')).toEqual(['Bundle.id']);
    const xml = renderJunit(summarize([report], 'en', 'all'));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('types/primitive-format');
  });

  it('testscript junit and text (testscript/run.ts)', async () => {
    const rep = await hostileTestScript();
    const xml = renderTestScriptJunit([rep]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const text = renderTestScriptText([rep]);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0001');
    expect(text).toContain('\\u001b[31m');
  });

  it('protocol junit (protocol/report/render.ts)', async () => {
    const bundle = JSON.parse(readFileSync(join(hcoValid, 'new-message-quantity.json'), 'utf8')) as Record<string, unknown>;
    bundle[HOSTILE] = 1;
    bundle['id'] = HOSTILE;
    const dir = hcoSendEvidence({ 'HomeCareObservation_3.3.3.4_A.json': bundle });
    dirs.push(dir);
    const report = await runProtocol({ protocol: new ProtocolLibrary().get('hco-send'), evidenceDir: dir, definitions: defs });
    const failed = report.sections.flatMap((s) => s.rows.filter((r): r is StepResult => r.type === 'step' && r.status === 'failed'));
    expect(failed.flatMap((s) => s.issues.map((i) => i.ruleId))).toContain('types/primitive-format');
    expect(XMLValidator.validate(renderProtocolJunit(report))).toBe(true);
  });
});

/** A TestScript whose assert description and fixture carry HOSTILE. */
async function hostileTestScript(): Promise<TestScriptRunReport> {
  const dir = join(tmp, 'ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'doc.json'), JSON.stringify(hostileBundle()));
  const ts = {
    resourceType: 'TestScript',
    id: 'hostile',
    name: 'Hostile',
    status: 'draft',
    url: 'http://example.org/TestScript/hostile',
    fixture: [{ id: 'doc', autocreate: false, autodelete: false, resource: { reference: 'doc.json' } }],
    test: [
      {
        name: `post ${HOSTILE}`,
        action: [
          { operation: { type: { code: 'create' }, resource: 'Bundle', encodeRequestUrl: true, sourceId: 'doc' } },
          { assert: { description: `a Bundle ${HOSTILE}`, direction: 'request', resource: 'Bundle', warningOnly: false } },
          { assert: { description: `id ${HOSTILE}`, direction: 'request', expression: `Bundle.id = 'other'`, warningOnly: false } },
          { assert: { description: 'valid', direction: 'request', validateProfileId: 'bundle', warningOnly: false } },
        ],
      },
    ],
    profile: [{ id: 'bundle', reference: 'http://hl7.org/fhir/StructureDefinition/Bundle' }],
  };
  const file = join(dir, 'TestScript.json');
  writeFileSync(file, JSON.stringify(ts));
  return runTestScript({ file, definitions: defs });
}

describe('text output shows control characters from content, never sends them to the terminal', () => {
  it('terminalSafe: C0, DEL, C1, bidi controls, separators and lone surrogates as \\uXXXX; tab and pairs kept', () => {
    expect(terminalSafe('a\u001b[2Jb\u009b1m\u202e\u2028\r\n\t😀\udc00')).toBe(
      'a\\u001b[2Jb\\u009b1m\\u202e\\u2028\\u000d\\u000a\t😀\\udc00',
    );
  });

  it('validate text (report/text.ts): no ESC, one line per issue plus the summary', async () => {
    const report = await validate(hostileBundle());
    const text = renderText(summarize([report], 'en', 'all'));
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0001');
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(text).toContain('\\u001b[31m');
    expect(text.split('\n')).toHaveLength(report.issues.length + 2);
  });

  it('validate md (report/templates/env.ts escapeMarkdown): no ESC in a table cell either', async () => {
    const md = renderMarkdown(summarize([await validate(hostileBundle())], 'en', 'all'));
    expect(md).not.toContain(ESC);
    expect(md).toContain('\\u001b');
  });

  it('validate CLI: --format text and --format junit on the hostile bundle (exit 1, no ESC, XML parses)', () => {
    const file = join(tmp, 'hostile.json');
    writeFileSync(file, JSON.stringify(hostileBundle()));
    const text = cli('validate', '--format', 'text', file);
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).not.toContain(ESC);
    expect(text.stdout).toMatch(/types\/primitive-format {2}Bundle\.id {2}'x\\u0001y\\u001b\[31mred\\ud800z'/);
    const junit = cli('validate', '--format', 'junit', file);
    expect(junit.status, junit.stderr).toBe(1);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('<failure type="types/primitive-format"');
  });
});

describe('odd JSON keys: their FHIRPath, and no prototype pollution', () => {
  it('fhirPathName: element names as they are, twins as their element, anything else delimited', () => {
    expect(fhirPathName('name')).toBe('name');
    expect(fhirPathName('_birthDate')).toBe('birthDate');
    expect(fhirPathName('__proto__')).toBe('__proto__');
    expect(fhirPathName('_x_y')).toBe('_x_y');
    expect(fhirPathName('a b')).toBe('`a b`');
    expect(fhirPathName('a.b')).toBe('`a.b`');
    expect(fhirPathName('a`b\\c')).toBe('`a\\`b\\\\c`');
    expect(fhirPathName('a\u001bb')).toBe('`a\\u001bb`');
    expect(fhirPathName('')).toBe('``');
  });

  it('a __proto__ key is structure/unknown-element at Bundle.__proto__ (and in an entry), and pollutes nothing', async () => {
    const text = `{"resourceType":"Bundle","type":"collection","__proto__":{"polluted":true},
      "entry":[{"fullUrl":"urn:uuid:8f3c1a52-1d2b-4c3e-9f4a-0b1c2d3e4f50","resource":{"resourceType":"Patient","id":"p",
      "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">p</div>"},
      "name":[{"__proto__":{"family":"x"},"family":"F"}],"_gender":{"__proto__":{"url":"x"}}}}]}`;
    const r = await validate(text);
    const unknown = issuesOf(r, 'structure/unknown-element');
    expect(unknown.map((i) => i.location.fhirpath).sort()).toEqual([
      'Bundle.__proto__',
      'Bundle.entry[0].resource.gender.__proto__',
      'Bundle.entry[0].resource.name[0].__proto__',
    ]);
    expect(unknown.find((i) => i.location.fhirpath === 'Bundle.__proto__')?.location.line).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['family']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('other odd keys: `_` twins of nothing, keys with spaces and dots', async () => {
    const r = await validate(patient({ id: 'p', 'a b': 1, 'x.y': 2, _nothing: {} }));
    expect(at(r, 'structure/unknown-element').sort()).toEqual(['Patient.`a b`', 'Patient.`x.y`', 'Patient.nothing']);
  });
});
