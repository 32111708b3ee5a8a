/**
 * Issue 17, item 1: FHIR `$validate` and `/fhir/metadata` on `medcom-ig serve` — OperationOutcomes in JSON and
 * XML (content negotiation, `_format`), the Parameters form, the resource type of the path, and 400/404/415
 * answers as OperationOutcomes. Our own XML output is read back with our XML reader and validated: the
 * OperationOutcomes and the CapabilityStatement we answer with are valid FHIR R4.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSelfTest, type SelfTestServer } from '../../src/serve/server.js';
import { toFhirXml } from '../../src/fhir/xml-write.js';
import { anchorsOrSkip } from '../helpers/shared.js';
import { sharedValidator } from '../helpers/validate.js';

const root = join(import.meta.dirname, '..', '..');
const example = (p: string): string => readFileSync(join(root, 'examples', p), 'utf8');
const HCO_MESSAGE = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message';
const RULES = 'urn:oid:2.25.227995022461602042809911389031612679623.1';
const anchors = anchorsOrSkip('serve: $validate of an official HCO bundle');

let s: SelfTestServer;
beforeAll(async () => {
  s = await startSelfTest({ port: 0, maxBodyBytes: 2 * 1048576, workers: 1 });
});
afterAll(async () => {
  await s?.close();
});

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function call(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const r = await fetch(new URL(path, s.url), {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

const json = { 'content-type': 'application/fhir+json' };
const xml = { 'content-type': 'application/fhir+xml' };

interface Issue {
  severity: string;
  code: string;
  details?: { coding?: { system: string; code: string }[] };
  expression?: string[];
  extension?: { url: string; valueInteger?: number }[];
}
function issues(a: Answer): Issue[] {
  const oo = JSON.parse(a.text) as { resourceType: string; issue: Issue[] };
  expect(oo.resourceType).toBe('OperationOutcome');
  return oo.issue;
}
const ruleOf = (i: Issue): string | undefined => i.details?.coding?.find((c) => c.system === RULES)?.code;
/** Our own answer validated as FHIR R4 (JSON or XML by its file name): its errors and fatal issues. */
async function invalidities(file: string, text: string): Promise<string[]> {
  const report = (await sharedValidator()).validateText(file, text, { profiles: [] });
  return report.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.ruleId} ${i.location.fhirpath}`);
}
const errors = (a: Answer): Issue[] => issues(a).filter((i) => i.severity === 'error' || i.severity === 'fatal');

describe('FHIR $validate', () => {
  it('GET /fhir/metadata: a valid CapabilityStatement naming $validate, both formats and every standard version we build', async () => {
    const a = await call('/fhir/metadata');
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/fhir\+json/);
    const cs = JSON.parse(a.text) as {
      fhirVersion: string;
      format: string[];
      implementationGuide: string[];
      rest: { operation: { name: string }[] }[];
    };
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.format).toEqual(['application/fhir+json', 'application/fhir+xml']);
    expect(cs.rest[0]!.operation.map((o) => o.name)).toEqual(['validate']);
    for (const v of ['1.2.1', '1.2.0', '1.1.1-trial-use', '1.1.0-trial-use'])
      expect(cs.implementationGuide).toContain(
        `http://medcomfhir.dk/ig/homecareobservation/ImplementationGuide/medcom.fhir.dk.homecareobservation|${v}`,
      );
    expect(cs.implementationGuide).toContain('http://medcomfhir.dk/ig/notes/ImplementationGuide/medcom.fhir.dk.notes|1.0.0');
    expect(await invalidities('metadata.json', a.text)).toEqual([]);
    // XML through _format and through Accept, valid as FHIR XML too
    for (const x of [
      await call('/fhir/metadata?_format=xml'),
      await call('/fhir/metadata', { headers: { accept: 'application/fhir+xml' } }),
    ]) {
      expect(x.status).toBe(200);
      expect(x.type).toMatch(/^application\/fhir\+xml/);
      expect(await invalidities('metadata.xml', x.text)).toEqual([]);
    }
  });

  it('a valid HCO message: 200, no error; without Bundle.timestamp an error at Bundle.timestamp, with its line', async () => {
    const text = example('hco/1.2.1/valid/new-message-blood-pressure.json');
    const ok = await call('/fhir/$validate?ig=hco', { body: text, headers: json });
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^application\/fhir\+json/);
    expect(errors(ok)).toEqual([]);
    const bundle = JSON.parse(text) as Record<string, unknown>;
    delete bundle['timestamp'];
    const bad = await call('/fhir/Bundle/$validate?ig=hco', { body: JSON.stringify(bundle, null, 2), headers: json });
    expect(bad.status).toBe(200);
    const e = errors(bad).find((i) => i.expression?.[0] === 'Bundle.timestamp');
    expect(e && ruleOf(e)).toBe('cardinality/min');
    expect(e!.extension?.find((x) => x.url.endsWith('operationoutcome-issue-line'))?.valueInteger).toBeGreaterThan(0);
    // the OperationOutcome itself is valid FHIR
    expect(await invalidities('outcome.json', bad.text)).toEqual([]);
  });

  it('the Parameters form: resource, profile and mode; positions point into the Parameters body', async () => {
    const resource = JSON.parse(example('hco/1.2.1/valid/new-message-blood-pressure.json')) as Record<string, unknown>;
    const params = (profile: string, mode?: string): string =>
      JSON.stringify({
        resourceType: 'Parameters',
        parameter: [
          { name: 'resource', resource },
          { name: 'profile', valueCanonical: profile },
          ...(mode ? [{ name: 'mode', valueCode: mode }] : []),
        ],
      });
    const ok = await call('/fhir/$validate', { body: params(`${HCO_MESSAGE}|1.2.1`, 'create'), headers: json });
    expect(ok.status).toBe(200);
    expect(errors(ok)).toEqual([]);
    // against 1.1.0-trial-use the 1.2.1 message's definition form is wrong: errors, with lines inside the resource
    const oldBody = params(`${HCO_MESSAGE}|1.1.0-trial-use`);
    const old = await call('/fhir/$validate', { body: oldBody, headers: json });
    expect(errors(old).length).toBeGreaterThan(0);
    const lines = issues(old)
      .flatMap((i) => i.extension ?? [])
      .filter((x) => x.url.endsWith('operationoutcome-issue-line'))
      .map((x) => x.valueInteger);
    expect(lines.length).toBeGreaterThan(0);
    // the body is one line: every position is on it
    expect(new Set(lines)).toEqual(new Set([1]));
    // a profile we do not know: 400 naming it (the diagnostics hold its url)
    const unknown = await call('/fhir/$validate', { body: params('http://example.org/StructureDefinition/nope'), headers: json });
    expect(unknown.status).toBe(400);
    expect(ruleOf(errors(unknown)[0]!)).toBe('http/bad-request');
    expect((errors(unknown)[0] as Issue & { diagnostics: string }).diagnostics).toContain('http://example.org/StructureDefinition/nope');
    const badMode = await call('/fhir/$validate', { body: params(`${HCO_MESSAGE}|1.2.1`, 'delete'), headers: json });
    expect(badMode.status).toBe(400);
  });

  it('the Parameters form in XML: the resource nested, a profile; answered in XML, positions in the body', async () => {
    const bundle = example('hco/valid/new-message-quantity.xml').replace(/^<\?xml[^>]*>\n/, '');
    const params = (resource: string, profile: string): string =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<Parameters xmlns="http://hl7.org/fhir">\n  <parameter>\n    <name value="resource"/>\n' +
      `    <resource>\n${resource}    </resource>\n  </parameter>\n  <parameter>\n    <name value="profile"/>\n` +
      `    <valueCanonical value="${profile}"/>\n  </parameter>\n</Parameters>\n`;
    const ok = await call('/fhir/$validate', { body: params(bundle, `${HCO_MESSAGE}|1.1.0-trial-use`), headers: xml });
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^application\/fhir\+xml/);
    expect(ok.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<OperationOutcome xmlns="http:\/\/hl7.org\/fhir">/);
    expect(ok.text).not.toMatch(/<severity value="(error|fatal)"\/>/);
    expect(await invalidities('answer.xml', ok.text)).toEqual([]);
    // without Bundle.timestamp: the error at Bundle.timestamp, at the nested resource (line 5, `<resource>`), not the Parameters
    const noTimestamp = bundle.replace(/\n\s*<timestamp value="[^"]*"\/>/, '');
    const bad = await call('/fhir/$validate?_format=json', { body: params(noTimestamp, `${HCO_MESSAGE}|1.1.0-trial-use`), headers: xml });
    expect(bad.status).toBe(200);
    const e = errors(bad).find((i) => i.expression?.[0] === 'Bundle.timestamp');
    expect(e && ruleOf(e)).toBe('cardinality/min');
    expect(e!.extension?.find((x) => x.url.endsWith('operationoutcome-issue-line'))?.valueInteger).toBeGreaterThanOrEqual(5);
    // an unknown profile in an XML Parameters: 400, an OperationOutcome in XML
    const unknown = await call('/fhir/$validate', { body: params(bundle, 'http://example.org/StructureDefinition/nope'), headers: xml });
    expect(unknown.status).toBe(400);
    expect(unknown.type).toMatch(/^application\/fhir\+xml/);
    expect(unknown.text).toContain(`<code value="http/bad-request"/>`);
  });

  it('XML in, XML out; the answer follows _format and Accept', async () => {
    const text = example('hco/valid/new-message-quantity.xml');
    const a = await call('/fhir/$validate?ig=hco@1.1.0-trial-use', { body: text, headers: xml });
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/fhir\+xml/);
    expect(a.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<OperationOutcome xmlns="http:\/\/hl7.org\/fhir">/);
    expect(await invalidities('answer.xml', a.text)).toEqual([]);
    expect(a.text).not.toMatch(/<severity value="(error|fatal)"\/>/);
    const asJson = await call('/fhir/$validate?ig=hco@1.1.0-trial-use&_format=json', { body: text, headers: xml });
    expect(asJson.type).toMatch(/^application\/fhir\+json/);
    expect(errors(asJson)).toEqual([]);
    const accept = await call('/fhir/$validate?ig=hco@1.1.0-trial-use', {
      body: text,
      headers: { ...xml, accept: 'application/fhir+json' },
    });
    expect(accept.type).toMatch(/^application\/fhir\+json/);
  });

  it('requests that cannot be validated: 400/404/405/415 answered with an OperationOutcome', async () => {
    const text = example('hco/1.2.1/valid/new-message-blood-pressure.json');
    const truncated = await call('/fhir/$validate', { body: text.slice(0, 300), headers: json });
    expect(truncated.status).toBe(400);
    const fatal = errors(truncated)[0]!;
    expect(fatal.severity).toBe('fatal');
    expect(ruleOf(fatal)).toBe('input/unreadable');
    expect(fatal.extension?.find((x) => x.url.endsWith('issue-line'))?.valueInteger).toBeGreaterThan(1);
    const wrongType = await call('/fhir/Patient/$validate', { body: text, headers: json });
    expect(wrongType.status).toBe(400);
    const plain = await call('/fhir/$validate', { body: text, headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(ruleOf(errors(plain)[0]!)).toBe('http/unsupported-type');
    expect((await call('/fhir/Patient/1')).status).toBe(404);
    expect(ruleOf(errors(await call('/fhir/Patient/1'))[0]!)).toBe('http/not-found');
    expect((await call('/fhir/$validate')).status).toBe(405);
    const badIg = await call('/fhir/$validate?ig=hco@9.9.9', { body: text, headers: json });
    expect(badIg.status).toBe(400);
    expect(badIg.text).toContain('9.9.9');
    // a Parameters without a resource: 400, in the request's format
    const xmlParams = await call('/fhir/$validate', { body: '<Parameters xmlns="http://hl7.org/fhir"/>', headers: xml });
    expect(xmlParams.status).toBe(400);
    expect(xmlParams.type).toMatch(/^application\/fhir\+xml/);
    expect(xmlParams.text).toContain(`<code value="http/bad-request"/>`);
    // the worst shapes: a body over the upload limit (2 MB here) is refused before it is read whole; deep nesting
    const huge = await call('/fhir/$validate', { body: `{"resourceType":"Basic","x":"${'a'.repeat(3 * 1048576)}"}`, headers: json });
    expect(huge.status).toBe(413);
    expect(ruleOf(errors(huge)[0]!)).toBe('http/too-large');
    const deep = await call('/fhir/$validate', {
      body: `{"resourceType":"Basic","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      headers: json,
    });
    expect(deep.status).toBe(400);
    expect(ruleOf(errors(deep)[0]!)).toBe('input/unreadable');
    const badFormat = await call('/fhir/metadata?_format=yaml');
    expect(badFormat.status).toBe(400);
  });
});

describe.skipIf(!anchors)('FHIR $validate of official HCO bundles', () => {
  it('every official 1.2.1 example Bundle: 200 and no error under ig=hco', async () => {
    const dir = join(anchors ?? '', 'hco', 'newer-1.2.1', 'examples');
    const bundles = readdirSync(dir).filter((f) => f.startsWith('Bundle-') && f.endsWith('.json'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const f of bundles) {
      const a = await call('/fhir/$validate?ig=hco', { body: readFileSync(join(dir, f), 'utf8'), headers: json });
      expect(a.status, f).toBe(200);
      expect(errors(a), f).toEqual([]);
    }
  });
});

describe('FHIR XML writer', () => {
  it('writes attributes for element ids and extension urls, extensions first, primitive extensions and escapes', () => {
    const out = toFhirXml({
      resourceType: 'Basic',
      id: 'b1',
      code: { text: 'a < b & "c"' },
      extension: [{ url: 'http://example.org/x', valueString: 'x' }],
      _language: { extension: [{ url: 'http://example.org/y', valueBoolean: true }] },
    });
    expect(out).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<Basic xmlns="http://hl7.org/fhir">\n' +
        '  <extension url="http://example.org/x">\n' +
        '    <valueString value="x"/>\n' +
        '  </extension>\n' +
        '  <id value="b1"/>\n' +
        '  <code>\n' +
        '    <text value="a &lt; b &amp; &quot;c&quot;"/>\n' +
        '  </code>\n' +
        '  <language>\n' +
        '    <extension url="http://example.org/y">\n' +
        '      <valueBoolean value="true"/>\n' +
        '    </extension>\n' +
        '  </language>\n' +
        '</Basic>\n',
    );
    expect(() => toFhirXml({ resourceType: 'Basic', code: { text: 'bell \u0007' } })).toThrow(/XML 1.0/);
  });
});
