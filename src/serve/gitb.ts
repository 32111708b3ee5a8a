/**
 * The test bed's face of `medcom-ig serve` (issue 17, docs/serve.md "Test bed (GITB)"): the GITB
 * validation-service API that the EU Interoperability Test Bed (ITB) calls on an external validator —
 * SOAP 1.1, document/literal, the operations `getModuleDefinition` and `validate` (WSDL and XSDs:
 * ISAITB/gitb-types). What the server and its workers share about it: reading a request envelope,
 * the answers (a module definition, a TAR report, a SOAP Fault) and the WSDL of our endpoint.
 *
 * Reading is namespace-aware and safe: a DOCTYPE is refused before anything is parsed (SOAP forbids
 * it), the parser expands no entity (the five XML entities and character references are decoded here),
 * nesting is bounded. Everything written goes through fast-xml-parser's builder, which escapes text and
 * attribute values; characters XML 1.0 cannot hold are replaced.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { referenceText, safeXmlParserOptions } from '../api/io.js';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  vs: 'http://www.gitb.com/vs/v1/',
  core: 'http://www.gitb.com/core/v1/',
  tr: 'http://www.gitb.com/tr/v1/',
  wsa: 'http://www.w3.org/2005/08/addressing',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Where the service answers (POST) and gives its WSDL (GET `?wsdl`). */
export const GITB_PATH = '/gitb/validation';
export const SOAP_MIME = 'text/xml; charset=utf-8';
export const WSDL_MIME = 'text/xml; charset=utf-8';

/** The WS-Addressing actions of the WSDL's port type (the answer's `Action` header). */
const ACTION = 'http://gitb.com/ValidationService/';
const FAULT_ACTION = 'http://www.w3.org/2005/08/addressing/soap/fault';
const ANONYMOUS = 'http://www.w3.org/2005/08/addressing/anonymous';

/** Deepest element nesting read: a request is five levels deep (Envelope, Body, ValidateRequest, input, value). */
const MAX_DEPTH = 32;

/**
 * A request that is answered with a SOAP Fault: `Client` (the request is wrong: malformed, unknown
 * operation or input, unknown standard …), `Server` (we failed), `VersionMismatch` (not a SOAP 1.1 envelope).
 */
export class SoapFault extends Error {
  constructor(
    readonly code: 'Client' | 'Server' | 'VersionMismatch',
    message: string,
  ) {
    super(message);
  }
}

/** One `input` of a ValidateRequest (a `gitb:AnyContent` holding a value; `config` entries are read as STRING inputs). */
export interface GitbInput {
  name: string;
  embeddingMethod: 'STRING' | 'BASE64' | 'URI';
  /** The value as sent (BASE64: still encoded). */
  value: string;
  type?: string;
  mimeType?: string;
}

export interface GitbRequest {
  operation: 'getModuleDefinition' | 'validate';
  /** The WS-Addressing MessageID, when the caller sent one (the ITB does): our answer relates to it. */
  messageId?: string;
  sessionId?: string;
  inputs: GitbInput[];
}

// ---------------------------------------------------------------------------------------------------------------
// reading

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or a text node. */
type FxNode = Record<string, unknown>;

interface XmlElement {
  ns: string | undefined;
  local: string;
  /** The element's name as written (for messages). */
  qname: string;
  /** Unprefixed attributes (local name → decoded value); namespace declarations are not among them. */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** The element's character data (text decoded, CDATA as it is), concatenated. */
  text: string;
}

function parser(): XMLParser {
  // no entity processing in the parser (a DOCTYPE never gets this far): decodeText does the five and character references
  return new XMLParser(safeXmlParserOptions(MAX_DEPTH));
}

/** XML character data with its references decoded: the five XML entities and character references; anything else is a fault. */
function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9._-]{0,30});)?/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new SoapFault('Client', 'not well-formed XML: a bare & (write &amp;)');
    const text = referenceText(ref);
    if (typeof text === 'string') return text;
    if (text.refused === 'undefined')
      throw new SoapFault('Client', `the entity ${whole} is not defined (SOAP messages have no DTD; only the five XML entities)`);
    throw new SoapFault('Client', `not well-formed XML: ${whole} is not a character XML 1.0 allows`);
  });
}

function tagOf(node: FxNode): string {
  for (const k in node) if (k !== ':@') return k;
  return '';
}

/** The ordered tree as namespace-resolved elements (`scope`: prefix → namespace in force; '' is the default). */
function toElement(node: FxNode, scope: ReadonlyMap<string, string>): XmlElement {
  const qname = tagOf(node);
  const raw = (node[':@'] ?? {}) as Record<string, string>;
  let inScope = scope;
  const attrs = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    const name = key.slice(1);
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (inScope === scope) inScope = new Map(scope);
      (inScope as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), decodeText(value));
    } else if (!name.includes(':')) attrs.set(name, decodeText(value));
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = inScope.get(prefix);
  if (prefix !== '' && ns === undefined) throw new SoapFault('Client', `the prefix of <${qname}> is not declared (xmlns:${prefix})`);
  const el: XmlElement = { ns: ns === '' ? undefined : ns, local: qname.slice(colon + 1), qname, attrs, children: [], text: '' };
  const content = node[qname];
  for (const child of Array.isArray(content) ? (content as FxNode[]) : []) {
    const tag = tagOf(child);
    if (tag === '#text') el.text += decodeText(String(child['#text']));
    else if (tag === '#cdata') {
      for (const part of (child['#cdata'] as FxNode[] | undefined) ?? []) {
        const t = part['#text'];
        if (typeof t === 'string') el.text += t;
      }
    } else el.children.push(toElement(child, inScope));
  }
  return el;
}

/** Longest attribute value read (names, embedding methods, types, namespaces). */
const MAX_ATTRIBUTE = 8192;

/**
 * The offset of the first attribute value longer than `max` characters, or undefined: the tags are found in one
 * pass (comments, CDATA sections and processing instructions skipped; a quote inside a tag opens a value).
 */
function longAttributeAt(text: string, max: number): number | undefined {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return undefined;
    const skip = text.startsWith('<!--', lt)
      ? '-->'
      : text.startsWith('<![CDATA[', lt)
        ? ']]>'
        : text.startsWith('<?', lt)
          ? '?>'
          : undefined;
    if (skip) {
      const end = text.indexOf(skip, lt + 2);
      if (end < 0) return undefined; // not well-formed: the validator says where
      i = end + skip.length;
      continue;
    }
    let j = lt + 1;
    while (j < text.length && text[j] !== '>' && text[j] !== '<') {
      const c = text[j];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, j + 1);
        if (close < 0) return undefined;
        if (close - j - 1 > max) return j;
        j = close + 1;
      } else j++;
    }
    i = j;
  }
}

/** The root element of a SOAP message, or a fault saying why the text is not one. */
function readXml(text: string): XmlElement {
  if (/^[\s]*$/.test(text)) throw new SoapFault('Client', 'the request body is empty: expected a SOAP 1.1 envelope');
  // the prolog: a DOCTYPE (and with it any entity declaration) is refused before anything is parsed
  const prolog = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(text)![0].length;
  if (/^<!DOCTYPE/i.test(text.slice(prolog)))
    throw new SoapFault('Client', 'a DOCTYPE is not allowed in a SOAP message (nothing was expanded)');
  if (text[prolog] !== '<')
    throw new SoapFault('Client', `not XML: the body starts with ${JSON.stringify(text.slice(prolog, prolog + 20))}`);
  // fast-xml-parser's validator builds an attribute's text one character at a time (a 5 MB value: 3 s and some
  // 200 MB); no attribute of a GITB request is long, the content goes in gitb:value
  const long = longAttributeAt(text, MAX_ATTRIBUTE);
  if (long !== undefined)
    throw new SoapFault(
      'Client',
      `an attribute value longer than ${MAX_ATTRIBUTE} characters (at offset ${long}): send the content in gitb:value`,
    );
  const check = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (check !== true)
    throw new SoapFault(
      'Client',
      `not well-formed XML: ${check.err.msg.replace(/\.$/, '')} (line ${check.err.line}, column ${check.err.col})`,
    );
  let tree: FxNode[];
  try {
    tree = parser().parse(text) as FxNode[];
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new SoapFault(
      'Client',
      /nest/i.test(message) ? `nested too deeply (more than ${MAX_DEPTH} levels)` : `not well-formed XML: ${message}`,
    );
  }
  const roots = tree.filter((n) => !tagOf(n).startsWith('#'));
  const root = roots[0];
  if (!root) throw new SoapFault('Client', 'not XML: no root element');
  if (roots.length > 1)
    throw new SoapFault('Client', `not well-formed XML: a second root element <${tagOf(roots[1]!)}> after <${tagOf(root)}>`);
  return toElement(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

const named = (el: XmlElement, ns: string | undefined, local: string): XmlElement[] =>
  el.children.filter((c) => c.ns === ns && c.local === local);

/**
 * A SOAP 1.1 request of the GITB validation service, read: its operation, WS-Addressing MessageID, session id
 * and inputs. Anything else is a SoapFault saying what is wrong.
 */
export function readGitbRequest(text: string): GitbRequest {
  const env = readXml(text.replace(/^\uFEFF/, ''));
  if (env.local !== 'Envelope' || (env.ns !== NS.soap && env.ns !== NS.soap12))
    throw new SoapFault('Client', `expected a SOAP 1.1 Envelope (${NS.soap}), found <${env.qname}>${env.ns ? ` in ${env.ns}` : ''}`);
  if (env.ns === NS.soap12)
    throw new SoapFault(
      'VersionMismatch',
      `SOAP 1.2 is not supported: this endpoint speaks SOAP 1.1 (${NS.soap}), as the GITB WSDL binds it`,
    );
  const other = env.children.find((c) => c.ns !== NS.soap || (c.local !== 'Header' && c.local !== 'Body'));
  if (other) throw new SoapFault('Client', `unexpected <${other.qname}> in the Envelope (expected Header and Body)`);
  const bodies = named(env, NS.soap, 'Body');
  if (bodies.length !== 1)
    throw new SoapFault('Client', bodies.length ? 'the Envelope has more than one Body' : 'the Envelope has no Body');
  const header = named(env, NS.soap, 'Header')[0];
  const messageId = header ? named(header, NS.wsa, 'MessageID')[0]?.text.trim() : undefined;
  const ops = bodies[0]!.children;
  if (ops.length !== 1)
    throw new SoapFault(
      'Client',
      `the Body must hold one operation element (GetModuleDefinitionRequest or ValidateRequest), not ${ops.length}`,
    );
  const op = ops[0]!;
  const withId = (r: GitbRequest): GitbRequest => (messageId ? { ...r, messageId: messageId.slice(0, 256) } : r);
  if (op.ns === NS.vs && op.local === 'GetModuleDefinitionRequest') return withId({ operation: 'getModuleDefinition', inputs: [] });
  if (op.ns !== NS.vs || op.local !== 'ValidateRequest')
    throw new SoapFault(
      'Client',
      `unknown operation <${op.qname}>${op.ns ? ` in ${op.ns}` : ''}: expected GetModuleDefinitionRequest or ValidateRequest in ${NS.vs}`,
    );
  const request: GitbRequest = { operation: 'validate', inputs: [] };
  for (const c of op.children) {
    // ValidateRequest's own elements are unqualified (gitb_vs.xsd has no elementFormDefault)
    if (c.ns !== undefined)
      throw new SoapFault('Client', `unexpected <${c.qname}> in ValidateRequest (its elements are unqualified: sessionId, config, input)`);
    if (c.local === 'sessionId') request.sessionId = c.text.trim().slice(0, 256);
    else if (c.local === 'config') {
      const name = c.attrs.get('name');
      if (name === undefined) throw new SoapFault('Client', 'a config element has no name attribute');
      request.inputs.push({ name, embeddingMethod: 'STRING', value: c.text });
    } else if (c.local === 'input') request.inputs.push(readInput(c));
    else throw new SoapFault('Client', `unexpected <${c.qname}> in ValidateRequest (expected sessionId, config, input)`);
  }
  return withId(request);
}

/** One `input` (gitb:AnyContent): its name, embedding (BASE64 when not said, as the XSD's default) and value. */
function readInput(el: XmlElement): GitbInput {
  const name = el.attrs.get('name');
  if (name === undefined) throw new SoapFault('Client', 'an input has no name attribute');
  const embedding = el.attrs.get('embeddingMethod') ?? 'BASE64';
  if (embedding !== 'STRING' && embedding !== 'BASE64' && embedding !== 'URI')
    throw new SoapFault('Client', `input ${name}: embeddingMethod ${JSON.stringify(embedding.slice(0, 40))} is not STRING, BASE64 or URI`);
  if (el.children.some((c) => c.local === 'item'))
    throw new SoapFault('Client', `input ${name} holds items (a map or list): send it as one value`);
  const values = el.children.filter((c) => c.local === 'value' && (c.ns === NS.core || c.ns === undefined));
  const stray = el.children.find((c) => !values.includes(c));
  if (stray) throw new SoapFault('Client', `input ${name}: unexpected <${stray.qname}> (expected one gitb:value)`);
  if (values.length > 1) throw new SoapFault('Client', `input ${name} has more than one value`);
  const input: GitbInput = { name, embeddingMethod: embedding, value: values[0]?.text ?? '' };
  const type = el.attrs.get('type');
  if (type !== undefined) input.type = type;
  const mimeType = el.attrs.get('mimeType');
  if (mimeType !== undefined) input.mimeType = mimeType;
  return input;
}

/** What our `validate` reads from a request's inputs. */
export interface GitbValidateInputs {
  /** The content input as sent (echoed in the report's context). */
  content: GitbInput;
  /** Its text (BASE64 decoded). */
  text: string;
  standard?: string;
  profile?: string;
  purpose?: 'sharing' | 'aktindsigt';
  lang?: 'en' | 'da';
  /** The other inputs given (echoed in the report's context). */
  options: GitbInput[];
}

/** The inputs of our module (getModuleDefinition): name, use, description. */
const INPUTS: readonly { name: string; use: 'R' | 'O'; desc: string }[] = [
  {
    name: 'content',
    use: 'R',
    desc: 'The FHIR resource to validate (a MedCom message or document Bundle), FHIR JSON or FHIR XML, embedded as STRING or BASE64.',
  },
  {
    name: 'standard',
    use: 'O',
    desc:
      'The standard to validate against: its alias (hco: the current version), alias@version (hco@1.2.0) or package id#version. ' +
      'Default: the profiles the content declares (meta.profile), as medcom-ig validate does without --ig.',
  },
  {
    name: 'profile',
    use: 'O',
    desc: 'A profile canonical (url or url|version) the content must conform to; overrides standard for the profile.',
  },
  { name: 'purpose', use: 'O', desc: 'What the content is exported for (business rules): sharing (default) or aktindsigt.' },
  { name: 'lang', use: 'O', desc: 'The language of the report items: en (default) or da.' },
];

function single(inputs: readonly GitbInput[], name: string): GitbInput | undefined {
  const all = inputs.filter((i) => i.name === name);
  if (all.length > 1) throw new SoapFault('Client', `input ${name} is given ${all.length} times (once expected)`);
  return all[0];
}

/** The value of a (text) input, its embedding undone. */
function valueOf(input: GitbInput): string {
  switch (input.embeddingMethod) {
    case 'STRING':
      return input.value;
    case 'BASE64': {
      const clean = input.value.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1)
        throw new SoapFault('Client', `input ${input.name}: embeddingMethod is BASE64 but the value is not base64 (send STRING for text)`);
      return Buffer.from(clean, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, '');
    }
    case 'URI':
      throw new SoapFault(
        'Client',
        `input ${input.name}: URI embedding is not supported (the service reads nothing from the network); send the content as STRING or BASE64`,
      );
  }
}

/** The inputs of a validate request, checked: `content` once, the options known and valid. */
export function validateInputs(request: GitbRequest): GitbValidateInputs {
  const known = new Set(INPUTS.map((i) => i.name));
  const unknown = request.inputs.find((i) => !known.has(i.name));
  if (unknown)
    throw new SoapFault(
      'Client',
      `unknown input ${JSON.stringify(unknown.name.slice(0, 60))}: this service reads ${[...known].join(', ')}`,
    );
  const content = single(request.inputs, 'content');
  if (!content) throw new SoapFault('Client', 'the input content (the resource to validate) is missing');
  const out: GitbValidateInputs = { content, text: valueOf(content), options: [] };
  for (const name of ['standard', 'profile', 'purpose', 'lang'] as const) {
    const input = single(request.inputs, name);
    if (!input) continue;
    const value = valueOf(input).trim();
    if (value === '') continue; // an empty option is the default (the ITB sends empty strings for unset variables)
    out.options.push(input);
    if (name === 'purpose') {
      if (value !== 'sharing' && value !== 'aktindsigt')
        throw new SoapFault('Client', `input purpose: ${JSON.stringify(value.slice(0, 40))} is not sharing or aktindsigt`);
      out.purpose = value;
    } else if (name === 'lang') {
      if (value !== 'en' && value !== 'da')
        throw new SoapFault('Client', `input lang: ${JSON.stringify(value.slice(0, 40))} is not en or da`);
      out.lang = value;
    } else out[name] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// writing

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text XML 1.0 can hold: characters it cannot are replaced by U+FFFD (a message may quote a JSON string's control character). */
function clean(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}

type XmlTree = Record<string, unknown>;

function build(tree: XmlTree): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, format: false });
  return '<?xml version="1.0" encoding="UTF-8"?>' + builder.build(tree);
}

/** The WS-Addressing headers of an answer to a request that carried a MessageID. */
function addressing(action: string, relatesTo: string | undefined, messageId: string): XmlTree | undefined {
  if (relatesTo === undefined) return undefined;
  return {
    'wsa:Action': action,
    'wsa:MessageID': messageId,
    'wsa:To': ANONYMOUS,
    'wsa:RelatesTo': clean(relatesTo),
  };
}

function envelope(body: XmlTree, headers: XmlTree | undefined): string {
  return build({
    'soap:Envelope': {
      '@_xmlns:soap': NS.soap,
      ...(headers ? { '@_xmlns:wsa': NS.wsa, 'soap:Header': headers } : {}),
      'soap:Body': body,
    },
  });
}

/** A SOAP 1.1 Fault envelope (sent with HTTP 500, or the status of an HTTP-level refusal). */
export function faultEnvelope(fault: SoapFault, relatesTo: string | undefined, messageId: string): string {
  return envelope(
    { 'soap:Fault': { faultcode: `soap:${fault.code}`, faultstring: { '#text': clean(fault.message), '@_xml:lang': 'en' } } },
    addressing(FAULT_ACTION, relatesTo, messageId),
  );
}

export interface ModuleInfo {
  version: string;
  /** The standards we build (`hco`, `hco@1.2.0` …), for the description. */
  standards: readonly string[];
}

/** The answer to getModuleDefinition: our module (id, name, version) and its inputs. */
export function moduleDefinitionEnvelope(info: ModuleInfo, relatesTo: string | undefined, messageId: string): string {
  const param = (i: (typeof INPUTS)[number]): XmlTree => ({
    '@_name': i.name,
    '@_type': 'string',
    '@_use': i.use,
    '@_kind': 'SIMPLE',
    '@_desc': i.name === 'standard' ? `${i.desc} We build: ${info.standards.join(', ')}.` : i.desc,
  });
  return envelope(
    {
      'vs:GetModuleDefinitionResponse': {
        '@_xmlns:vs': NS.vs,
        '@_xmlns:gitb': NS.core,
        module: {
          '@_id': 'medcom-ig',
          '@_operation': 'V',
          'gitb:metadata': {
            'gitb:name': 'medcom-ig',
            'gitb:version': info.version,
            'gitb:description':
              'Validation of FHIR resources against the MedCom standards (profiles, terminology and business rules), offline.',
          },
          'gitb:inputs': { 'gitb:param': INPUTS.map(param) },
        },
      },
    },
    addressing(`${ACTION}getModuleDefinitionResponse`, relatesTo, messageId),
  );
}

/** One finding of a validation, as the TAR lists it. */
export interface TarItem {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  ruleId: string;
  message: string;
  fhirpath: string;
  line?: number;
  column?: number;
}

export interface TarInput {
  date: Date;
  items: readonly TarItem[];
  /** What the content was validated against (the overview's profileID): a standard, a profile. */
  profileId?: string;
  version: string;
  /** The inputs echoed in the report's context, as they were sent. */
  context: readonly GitbInput[];
}

interface TarCounts {
  errors: number;
  warnings: number;
  information: number;
}

/** The counts a TAR reports: fatal findings count as errors. */
function tarCounts(items: readonly TarItem[]): TarCounts {
  const counts: TarCounts = { errors: 0, warnings: 0, information: 0 };
  for (const i of items) {
    if (i.severity === 'fatal' || i.severity === 'error') counts.errors++;
    else if (i.severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  return counts;
}

/**
 * A finding's location: `content:LINE:COLUMN` (the form the test bed opens the context item `content` at)
 * followed by the FHIRPath; the FHIRPath alone when the position is not known.
 */
export function tarLocation(item: TarItem, contextName = 'content'): string {
  if (item.line === undefined) return item.fhirpath;
  const at = `${contextName}:${item.line}:${item.column ?? 0}`;
  return item.fhirpath ? `${at} ${item.fhirpath}` : at;
}

/**
 * The answer to validate: a TAR (date, result, overview, counters, the inputs echoed as its context, one BAR
 * item per finding: error, warning or info with description, location and test = the rule id). Result:
 * FAILURE with an error, WARNING with a warning, else SUCCESS.
 */
export function validationEnvelope(tar: TarInput, relatesTo: string | undefined, messageId: string): string {
  const counts = tarCounts(tar.items);
  const result = counts.errors > 0 ? 'FAILURE' : counts.warnings > 0 ? 'WARNING' : 'SUCCESS';
  const kind: Record<TarItem['severity'], string> = { fatal: 'tr:error', error: 'tr:error', warning: 'tr:warning', information: 'tr:info' };
  // grouped by kind, each kind in report order: errors first, then warnings, then information (the builder
  // writes one key's array together; the report schema allows any order)
  const reports: XmlTree = {};
  for (const item of tar.items) {
    const key = kind[item.severity];
    const bar: XmlTree = {
      '@_xsi:type': 'tr:BAR',
      'tr:description': clean(item.message),
      ...(item.fhirpath || item.line !== undefined ? { 'tr:location': clean(tarLocation(item)) } : {}),
      'tr:test': item.ruleId,
    };
    ((reports[key] ??= []) as XmlTree[]).push(bar);
  }
  const item = (i: GitbInput): XmlTree => ({
    '@_name': i.name,
    '@_embeddingMethod': i.embeddingMethod,
    '@_type': i.type ?? 'string',
    ...(i.mimeType ? { '@_mimeType': i.mimeType } : {}),
    'gitb:value': clean(i.value),
  });
  return envelope(
    {
      'vs:ValidationResponse': {
        '@_xmlns:vs': NS.vs,
        '@_xmlns:tr': NS.tr,
        '@_xmlns:gitb': NS.core,
        '@_xmlns:xsi': NS.xsi,
        report: {
          'tr:date': tar.date.toISOString(),
          'tr:result': result,
          'tr:overview': {
            ...(tar.profileId ? { 'tr:profileID': clean(tar.profileId) } : {}),
            'tr:validationServiceName': 'medcom-ig',
            'tr:validationServiceVersion': tar.version,
          },
          'tr:counters': {
            'tr:nrOfAssertions': String(counts.information),
            'tr:nrOfErrors': String(counts.errors),
            'tr:nrOfWarnings': String(counts.warnings),
          },
          ...(tar.context.length ? { 'tr:context': { 'gitb:item': tar.context.map(item) } } : {}),
          // an empty reports element is not valid (its choice needs one item): left out when there is no finding
          ...(tar.items.length ? { 'tr:reports': reports } : {}),
        },
      },
    },
    addressing(`${ACTION}validateResponse`, relatesTo, messageId),
  );
}
