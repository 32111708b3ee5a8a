/**
 * Issue 17, item 2: the GITB validation-service API on `medcom-ig serve` (POST /gitb/validation, SOAP 1.1).
 * The requests are shaped as the ITB sends them (WS-Addressing and test-session headers, a ValidateRequest
 * whose own elements are unqualified, `input` AnyContent items with name/embeddingMethod/type and a
 * gitb:value); the answers' SOAP Body child is validated against the GITB XSDs (../shared/anchors/gitb,
 * with libxml2: xmllint-wasm) and against the types of our own WSDL.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { startSelfTest, type SelfTestServer } from '../../src/serve/server.js';
import { anchorsOrSkip, gitbSchemasOrSkip } from '../helpers/shared.js';

const root = join(import.meta.dirname, '..', '..');
const schemas = gitbSchemasOrSkip('serve: GITB answers against the GITB XSDs');
const anchors = anchorsOrSkip('serve: GITB validate of an official HCO bundle');
const officialBundle = (name: string): string => readFileSync(join(anchors ?? '', 'hco', 'newer-1.2.1', 'examples', name), 'utf8');

const VS = 'http://www.gitb.com/vs/v1/';
const CORE = 'http://www.gitb.com/core/v1/';
const TR = 'http://www.gitb.com/tr/v1/';

let s: SelfTestServer;
const logged: string[] = [];
beforeAll(async () => {
  s = await startSelfTest({ port: 0, maxBodyBytes: 2 * 1048576, workers: 1, log: (l) => logged.push(l) });
});
afterAll(async () => {
  await s?.close();
});

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function post(
  body: string,
  headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
): Promise<Answer> {
  const r = await fetch(new URL('/gitb/validation', s.url), { method: 'POST', headers, body });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

const escapeText = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A SOAP 1.1 envelope as the test bed sends it: WS-Addressing headers, the test session's metadata, then the Body. */
function itbEnvelope(
  action: 'getModuleDefinition' | 'validate',
  body: string,
  messageId = 'urn:uuid:7e1d6a40-0c1b-4c1e-9a55-1f0f7d2b9c11',
): string {
  return (
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>' +
    `<Action xmlns="http://www.w3.org/2005/08/addressing">http://gitb.com/ValidationService/${action}</Action>` +
    `<MessageID xmlns="http://www.w3.org/2005/08/addressing">${messageId}</MessageID>` +
    `<To xmlns="http://www.w3.org/2005/08/addressing">${new URL('/gitb/validation', s.url).href}</To>` +
    '<ReplyTo xmlns="http://www.w3.org/2005/08/addressing"><Address>http://localhost:8080/itbsrv/ValidationClient</Address></ReplyTo>' +
    '<gitb:TestSessionIdentifier xmlns:gitb="http://www.gitb.com">4f2c1b7e-2d7a-4c55-8b3e-1c9e0a6f5d21</gitb:TestSessionIdentifier>' +
    '<gitb:TestCaseIdentifier xmlns:gitb="http://www.gitb.com">hco_send_1</gitb:TestCaseIdentifier>' +
    '<gitb:TestStepIdentifier xmlns:gitb="http://www.gitb.com">verifyBundle</gitb:TestStepIdentifier>' +
    '<gitb:TestEngineVersion xmlns:gitb="http://www.gitb.com">1.27.0</gitb:TestEngineVersion>' +
    `</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

interface Input {
  name: string;
  value: string;
  embeddingMethod?: 'STRING' | 'BASE64' | 'URI';
  type?: string;
}

/** A ValidateRequest as the test bed writes it (JAXB: core as ns2, tr as ns3, vs as ns4; own elements unqualified). */
function validateRequest(inputs: Input[], sessionId = '9b1f3c2e-5a47-4d0b-8f7c-2e6a1d9c4b30'): string {
  const items = inputs
    .map(
      (i) =>
        `<input embeddingMethod="${i.embeddingMethod ?? 'STRING'}" name="${i.name}" type="${i.type ?? 'string'}">` +
        `<ns2:value>${escapeText(i.value)}</ns2:value></input>`,
    )
    .join('');
  return itbEnvelope(
    'validate',
    `<ns4:ValidateRequest xmlns:ns2="${CORE}" xmlns:ns3="${TR}" xmlns:ns4="${VS}"><sessionId>${sessionId}</sessionId>${items}</ns4:ValidateRequest>`,
  );
}

const moduleRequest = (): string =>
  itbEnvelope('getModuleDefinition', `<ns4:GetModuleDefinitionRequest xmlns:ns2="${CORE}" xmlns:ns3="${TR}" xmlns:ns4="${VS}"/>`);

/**
 * The SOAP Body's child element as a document of its own: the namespace declarations of the Envelope and Body
 * that it does not redeclare are copied onto it.
 */
function bodyChild(envelope: string): string {
  const body = /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(envelope);
  expect(body, 'a soap:Body').not.toBeNull();
  const inner = body![1]!.trim();
  const open = /^<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/.exec(inner)!;
  const declared = new Set([...open[2]!.matchAll(/\s(xmlns(?::[\w.-]+)?)=/g)].map((m) => m[1]));
  const outer = /^(?:<\?xml[^>]*\?>)?<soap:Envelope([^>]*)>/.exec(envelope)![1]!;
  const extra = [...outer.matchAll(/\s(xmlns(?::[\w.-]+)?)="([^"]*)"/g)].filter((m) => !declared.has(m[1]));
  return `<${open[1]}${open[2]}${extra.map((m) => ` ${m[1]}="${m[2]}"`).join('')}${open[3]}>${inner.slice(open[0].length)}`;
}

/** The problems libxml2 finds validating the answer's Body child against the GITB XSDs (gitb_vs.xsd, importing core and tr). */
async function xsdErrors(envelope: string): Promise<string[]> {
  const read = (f: string): { fileName: string; contents: string } => ({ fileName: f, contents: readFileSync(join(schemas!, f), 'utf8') });
  const r = await validateXML({
    xml: [{ fileName: 'answer.xml', contents: bodyChild(envelope) }],
    schema: [read('gitb_vs.xsd')],
    preload: [read('gitb_core.xsd'), read('gitb_tr.xsd')],
  });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

/** The text of every element `name` (qualified as written) in `xml`, decoded. */
function texts(xml: string, name: string): string[] {
  const re = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g');
  return [...xml.matchAll(re)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

interface Bar {
  kind: 'error' | 'warning' | 'info';
  description: string;
  location?: string;
  test?: string;
}
function bars(xml: string): Bar[] {
  return [...xml.matchAll(/<tr:(error|warning|info) xsi:type="tr:BAR">([\s\S]*?)<\/tr:\1>/g)].map((m) => ({
    kind: m[1] as Bar['kind'],
    description: texts(m[2]!, 'tr:description')[0]!,
    ...(texts(m[2]!, 'tr:location')[0] !== undefined ? { location: texts(m[2]!, 'tr:location')[0] } : {}),
    ...(texts(m[2]!, 'tr:test')[0] !== undefined ? { test: texts(m[2]!, 'tr:test')[0] } : {}),
  }));
}
const counter = (xml: string, name: string): number => Number(texts(xml, `tr:${name}`)[0]);
const faultOf = (a: Answer): { code: string; reason: string } => ({
  code: texts(a.text, 'faultcode')[0] ?? '',
  reason: texts(a.text, 'faultstring')[0] ?? '',
});

describe('GITB getModuleDefinition', () => {
  it('describes the module and its inputs; the answer relates to the request (WS-Addressing)', async () => {
    const a = await post(moduleRequest());
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^text\/xml/);
    expect(a.text).toMatch(/<vs:GetModuleDefinitionResponse /);
    expect(texts(a.text, 'wsa:RelatesTo')).toEqual(['urn:uuid:7e1d6a40-0c1b-4c1e-9a55-1f0f7d2b9c11']);
    expect(texts(a.text, 'wsa:Action')).toEqual(['http://gitb.com/ValidationService/getModuleDefinitionResponse']);
    const params = [...a.text.matchAll(/<gitb:param name="([^"]+)" type="string" use="([RO])"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(params).toEqual(['content:R', 'standard:O', 'profile:O', 'purpose:O', 'lang:O']);
    expect(a.text).toMatch(/module id="medcom-ig" operation="V"/);
  });

  it.skipIf(!schemas)('answers what the GITB XSDs accept', async () => {
    const answer = (await post(moduleRequest())).text;
    expect(await xsdErrors(answer)).toEqual([]);
    // the check itself: a module without its name is refused
    expect(await xsdErrors(answer.replace('<gitb:name>medcom-ig</gitb:name>', ''))).not.toEqual([]);
  });
});

describe.skipIf(!anchors)('GITB validate of official HCO bundles', () => {
  it('an official HCO 1.2.1 bundle: SUCCESS, no items, the content echoed in the context', async () => {
    const bundle = officialBundle('Bundle-ReceiveTestExample1.json');
    const a = await post(
      validateRequest([
        { name: 'content', value: bundle },
        { name: 'standard', value: 'hco' },
      ]),
    );
    expect(a.status).toBe(200);
    expect(texts(a.text, 'tr:result')).toEqual(['SUCCESS']);
    expect([counter(a.text, 'nrOfErrors'), counter(a.text, 'nrOfWarnings'), counter(a.text, 'nrOfAssertions')]).toEqual([0, 0, 0]);
    expect(bars(a.text)).toEqual([]);
    expect(texts(a.text, 'tr:profileID')).toEqual(['medcom.fhir.dk.homecareobservation#1.2.1']);
    // the context: the inputs as sent (the content first, its FHIR format named)
    expect(a.text).toMatch(/<gitb:item name="content" embeddingMethod="STRING" type="string" mimeType="application\/fhir\+json">/);
    expect(texts(a.text, 'gitb:value')).toEqual([bundle, 'hco']);
    expect(texts(a.text, 'wsa:RelatesTo')).toEqual(['urn:uuid:7e1d6a40-0c1b-4c1e-9a55-1f0f7d2b9c11']);
    if (schemas) expect(await xsdErrors(a.text)).toEqual([]);
    // the request's log line counts the findings (and holds no content)
    const line = logged
      .map((l) => JSON.parse(l) as { path: string; issues?: Record<string, number> })
      .findLast((l) => l.path === '/gitb/validation');
    expect(line?.issues).toEqual({ fatal: 0, error: 0, warning: 0, information: 0 });
    expect(logged.join('\n')).not.toContain('Bundle');
  });

  it('the bundle without Bundle.timestamp: FAILURE, an error item located at Bundle.timestamp with the rule id as its test', async () => {
    const bundle = JSON.parse(officialBundle('Bundle-ReceiveTestExample1.json')) as Record<string, unknown>;
    delete bundle['timestamp'];
    const a = await post(
      validateRequest([
        { name: 'content', value: JSON.stringify(bundle, null, 2) },
        { name: 'standard', value: 'hco' },
      ]),
    );
    expect(a.status).toBe(200);
    expect(texts(a.text, 'tr:result')).toEqual(['FAILURE']);
    const items = bars(a.text);
    const errors = items.filter((i) => i.kind === 'error');
    expect(counter(a.text, 'nrOfErrors')).toBe(errors.length);
    expect(counter(a.text, 'nrOfWarnings')).toBe(items.filter((i) => i.kind === 'warning').length);
    const timestamp = errors.find((e) => e.location?.endsWith(' Bundle.timestamp'));
    expect(timestamp?.test).toBe('cardinality/min');
    // content:LINE:COLUMN — the test bed opens the context item `content` there
    expect(timestamp?.location).toMatch(/^content:\d+:\d+ Bundle\.timestamp$/);
    if (schemas) expect(await xsdErrors(a.text)).toEqual([]);
  });

  it('a finding past the first line is located at its line and column in the content', async () => {
    const bundle = JSON.parse(officialBundle('Bundle-ReceiveTestExample1.json')) as { entry: { resource: Record<string, unknown> }[] };
    const header = bundle.entry[0]!.resource;
    header['eventCoding'] = { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes', code: 'not-an-event' };
    const text = JSON.stringify(bundle, null, 2);
    const a = await post(
      validateRequest([
        { name: 'content', value: text },
        { name: 'standard', value: 'hco' },
      ]),
    );
    expect(texts(a.text, 'tr:result')).toEqual(['FAILURE']);
    const located = bars(a.text).filter(
      (b) => b.kind === 'error' && /^content:\d+:\d+ Bundle\.entry\[0\]\.resource\.eventCoding/.test(b.location ?? ''),
    );
    expect(located.length).toBeGreaterThan(0);
    const line = Number(/^content:(\d+):/.exec(located[0]!.location!)![1]);
    expect(text.split('\n')[line - 1]).toMatch(/"(eventCoding|code|system)"/);
  });
});

describe('GITB validate: content forms and options', () => {
  const xmlExample = (): string => readFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.xml'), 'utf8');

  it('XML content, BASE64 embedded (as the test bed sends a binary): validated as FHIR XML, echoed as sent', async () => {
    const value = Buffer.from(xmlExample(), 'utf8').toString('base64');
    const a = await post(
      validateRequest([
        { name: 'content', value, embeddingMethod: 'BASE64', type: 'binary' },
        { name: 'standard', value: 'hco@1.1.0-trial-use' },
      ]),
    );
    expect(a.status).toBe(200);
    expect(counter(a.text, 'nrOfErrors')).toBe(0);
    expect(texts(a.text, 'tr:result')[0]).not.toBe('FAILURE');
    expect(a.text).toMatch(/<gitb:item name="content" embeddingMethod="BASE64" type="binary" mimeType="application\/fhir\+xml">/);
    expect(texts(a.text, 'gitb:value')[0]).toBe(value);
    if (schemas) expect(await xsdErrors(a.text)).toEqual([]);
  });

  it('XML content as a STRING in a CDATA section; an XML error is located in the content', async () => {
    const broken = xmlExample().replace(/<timestamp value="[^"]*"\/>/, '<timestamp value="yesterday"/>');
    expect(broken).not.toBe(xmlExample());
    const body = itbEnvelope(
      'validate',
      `<ns4:ValidateRequest xmlns:ns2="${CORE}" xmlns:ns4="${VS}"><input name="content" embeddingMethod="STRING" type="string">` +
        `<ns2:value><![CDATA[${broken}]]></ns2:value></input></ns4:ValidateRequest>`,
    );
    const a = await post(body);
    expect(a.status).toBe(200);
    expect(texts(a.text, 'tr:result')).toEqual(['FAILURE']);
    const error = bars(a.text).find((b) => b.kind === 'error' && b.location?.endsWith('Bundle.timestamp'));
    expect(error?.location).toMatch(/^content:\d+:\d+ Bundle\.timestamp$/);
    const line = Number(/^content:(\d+):/.exec(error!.location!)![1]);
    expect(broken.split('\n')[line - 1]).toContain('yesterday');
  });

  it('unreadable content is a FAILURE report (input/unreadable), not a fault', async () => {
    const a = await post(validateRequest([{ name: 'content', value: '{"resourceType": "Bundle",' }]));
    expect(a.status).toBe(200);
    expect(texts(a.text, 'tr:result')).toEqual(['FAILURE']);
    expect(bars(a.text).map((b) => `${b.kind} ${b.test}`)).toEqual(['error input/unreadable']);
    if (schemas) expect(await xsdErrors(a.text)).toEqual([]);
  });

  it('purpose and lang are read; empty options are the defaults', async () => {
    const a = await post(
      validateRequest([
        { name: 'content', value: '{"resourceType": "Bundle",' },
        { name: 'purpose', value: 'aktindsigt' },
        { name: 'lang', value: 'da' },
        { name: 'profile', value: '' },
      ]),
    );
    expect(a.status).toBe(200);
    expect(texts(a.text, 'gitb:value').slice(1)).toEqual(['aktindsigt', 'da']);
    // config entries with these names are read as STRING inputs; a leading BOM on the envelope is dropped
    const configured = await post(
      '\uFEFF' +
        itbEnvelope(
          'validate',
          `<ns4:ValidateRequest xmlns:ns2="${CORE}" xmlns:ns4="${VS}"><config name="lang">da</config>` +
            `<input name="content" embeddingMethod="STRING"><ns2:value>{"resourceType": "Bundle",</ns2:value></input></ns4:ValidateRequest>`,
        ),
    );
    expect(configured.status).toBe(200);
    expect(texts(configured.text, 'gitb:value').slice(1)).toEqual(['da']);
    const bad = await post(
      validateRequest([
        { name: 'content', value: '{}' },
        { name: 'purpose', value: 'marketing' },
      ]),
    );
    expect(bad.status).toBe(500);
    expect(faultOf(bad).reason).toContain('marketing');
  });
});

describe('GITB faults', () => {
  it('an unknown standard or profile is a Client fault naming it', async () => {
    const a = await post(
      validateRequest([
        { name: 'content', value: '{"resourceType":"Bundle"}' },
        { name: 'standard', value: 'hcx@9' },
      ]),
    );
    expect(a.status).toBe(500);
    expect(a.type).toMatch(/^text\/xml/);
    const f = faultOf(a);
    expect(f.code).toBe('soap:Client');
    expect(f.reason).toMatch(/^input standard: hcx@9: /);
    expect(texts(a.text, 'wsa:RelatesTo')).toEqual(['urn:uuid:7e1d6a40-0c1b-4c1e-9a55-1f0f7d2b9c11']);
    const p = await post(
      validateRequest([
        { name: 'content', value: '{}' },
        { name: 'profile', value: 'http://example.org/StructureDefinition/none' },
      ]),
    );
    expect(faultOf(p)).toMatchObject({
      code: 'soap:Client',
      reason: expect.stringContaining('http://example.org/StructureDefinition/none') as string,
    });
  });

  it('malformed envelopes are Client faults with a clear reason and no stack', async () => {
    const cases: [string, RegExp][] = [
      [validateRequest([{ name: 'content', value: '{}' }]).slice(0, 400), /not well-formed XML/],
      ['', /empty/],
      ['{"resourceType": "Bundle"}', /not XML/],
      ['<Envelope/>', /expected a SOAP 1\.1 Envelope/],
      [moduleRequest() + '<x/>', /a second root element <x>/],
      ['<!DOCTYPE x [<!ENTITY a "b">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>', /DOCTYPE/],
      ['<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/></soap:Envelope>', /no Body/],
      [itbEnvelope('validate', `<x:Other xmlns:x="${VS}"/>`), /unknown operation <x:Other>/],
      [
        itbEnvelope('validate', `<ns4:ValidateRequest xmlns:ns4="${VS}"><sessionId>1</sessionId></ns4:ValidateRequest>`),
        /content .*missing/,
      ],
      [
        validateRequest([
          { name: 'content', value: '{}' },
          { name: 'colour', value: 'red' },
        ]),
        /unknown input "colour"/,
      ],
      [
        validateRequest([{ name: 'content', value: 'http://example.org/b.json', embeddingMethod: 'URI' }]),
        /URI embedding is not supported/,
      ],
      [validateRequest([{ name: 'content', value: 'not base64!', embeddingMethod: 'BASE64' }]), /not base64/],
      [
        validateRequest([
          { name: 'content', value: '{}' },
          { name: 'content', value: '{}' },
        ]),
        /given 2 times/,
      ],
      [
        itbEnvelope(
          'validate',
          `<ns4:ValidateRequest xmlns:ns4="${VS}"><input name="content" embeddingMethod="STRING"><value>&ext;</value></input></ns4:ValidateRequest>`,
        ),
        /entity &ext; is not defined/,
      ],
      [itbEnvelope('validate', `<p:ValidateRequest xmlns:ns4="${VS}"/>`), /prefix of <p:ValidateRequest> is not declared/],
      [itbEnvelope('validate', `<ns4:ValidateRequest xmlns:ns4="${VS}" a="${'x'.repeat(10000)}"/>`), /attribute value longer than 8192/],
    ];
    for (const [body, reason] of cases) {
      const a = await post(body);
      expect(a.status, body.slice(0, 80)).toBe(500);
      const f = faultOf(a);
      expect(f.code, body.slice(0, 80)).toBe('soap:Client');
      expect(f.reason, body.slice(0, 80)).toMatch(reason);
      expect(a.text).not.toMatch(/\bat .*\.[jt]s:\d+/);
    }
  });

  it('a SOAP 1.2 envelope is a VersionMismatch fault; other media types and methods are refused with faults', async () => {
    const v12 = await post('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>', {
      'content-type': 'application/soap+xml',
    });
    expect(v12.status).toBe(500);
    expect(faultOf(v12).code).toBe('soap:VersionMismatch');
    const json = await post(moduleRequest(), { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(faultOf(json).code).toBe('soap:Client');
    const put = await fetch(new URL('/gitb/validation', s.url), { method: 'PUT', body: moduleRequest() });
    expect(put.status).toBe(405);
    expect(faultOf({ status: 405, type: '', text: await put.text() }).code).toBe('soap:Client');
  });

  it('the Host check applies: another host name is refused (421) with a fault', async () => {
    const u = new URL(s.url);
    const a = await new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: '/gitb/validation',
          method: 'POST',
          headers: { host: 'attacker.example', 'content-type': 'text/xml' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
        },
      );
      req.on('error', reject);
      req.end(moduleRequest());
    });
    expect(a.status).toBe(421);
    expect(faultOf(a).code).toBe('soap:Client');
  });
});

describe('GITB WSDL', () => {
  it("GET ?wsdl: the service at this request's own address, the two operations bound as SOAP 1.1 document/literal", async () => {
    const r = await fetch(new URL('/gitb/validation?wsdl', s.url));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/xml/);
    const wsdl = await r.text();
    expect([...wsdl.matchAll(/<soap:address location="([^"]+)"\/>/g)].map((m) => m[1])).toEqual([new URL('/gitb/validation', s.url).href]);
    expect([...wsdl.matchAll(/<operation name="(\w+)">/g)].map((m) => m[1])).toEqual([
      'getModuleDefinition',
      'validate',
      'getModuleDefinition',
      'validate',
    ]);
    expect(wsdl).toContain('<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>');
    expect((await fetch(new URL('/gitb/validation', s.url))).status).toBe(405);
  });

  it('its inline types accept our answers (and refuse a TAR without its result)', async () => {
    const wsdl = await (await fetch(new URL('/gitb/validation?wsdl', s.url))).text();
    const schemaOf = (ns: string): string => {
      const m = new RegExp(`<xsd:schema targetNamespace="${ns}"[\\s\\S]*?</xsd:schema>`).exec(wsdl);
      expect(m, ns).not.toBeNull();
      // the imports name their files here (inline in the WSDL they need no location)
      return m![0]
        .replace(`<xsd:import namespace="${CORE}"/>`, `<xsd:import namespace="${CORE}" schemaLocation="core.xsd"/>`)
        .replace(`<xsd:import namespace="${TR}"/>`, `<xsd:import namespace="${TR}" schemaLocation="tr.xsd"/>`);
    };
    const check = async (xml: string): Promise<boolean> =>
      (
        await validateXML({
          xml: [{ fileName: 'answer.xml', contents: xml }],
          schema: [{ fileName: 'vs.xsd', contents: schemaOf(VS) }],
          preload: [
            { fileName: 'core.xsd', contents: schemaOf(CORE) },
            { fileName: 'tr.xsd', contents: schemaOf(TR) },
          ],
        })
      ).valid;
    const module = bodyChild((await post(moduleRequest())).text);
    expect(await check(module)).toBe(true);
    const failure = bodyChild((await post(validateRequest([{ name: 'content', value: '{"resourceType": "Bundle",' }]))).text);
    expect(await check(failure)).toBe(true);
    expect(await check(failure.replace(/<tr:result>\w+<\/tr:result>/, ''))).toBe(false);
  });
});
