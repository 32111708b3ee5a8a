/**
 * FHIR JSON written as FHIR XML (http://hl7.org/fhir/R4/xml.html) for the resources medcom-ig itself makes
 * (OperationOutcome, CapabilityStatement, Parameters): no model is consulted, so the JSON must already list
 * each object's properties in the order of their definition — except `extension` and `modifierExtension`,
 * which are written first wherever they are, as XML wants them. The rules:
 * - a primitive is `<name value="…"/>`; its `_name` sibling gives the element's `id` and `extension`;
 * - an array repeats the element; `null` holes of a primitive array with `_name` partners are kept;
 * - `id` is an attribute inside datatypes and backbone elements, an element on a resource; `url` is an
 *   attribute on an extension;
 * - a resource inside another (`resource`, `contained`, `outcome`, `return`) is wrapped in its type's element;
 * - `div` (XHTML, already serialised with its namespace) is written as it is.
 */

/** XML 1.0 text and attribute values: the five special characters escaped, characters XML cannot hold refused. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) throw new Error('a value holds a character XML 1.0 cannot hold');
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(/\r/g, '&#13;');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Is `v` a resource (an object whose `resourceType` is a string)? */
function isResource(v: unknown): v is Json & { resourceType: string } {
  return isObject(v) && typeof v['resourceType'] === 'string';
}

function primitiveText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`not a FHIR primitive value: ${JSON.stringify(v)}`);
}

/** `resource` as a FHIR XML document (UTF-8 declaration, the FHIR namespace on the root), pretty-printed. */
export function toFhirXml(resource: Json & { resourceType: string }): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeResource(resource, out, '', true);
  return out.join('');
}

function writeResource(r: Json & { resourceType: string }, out: string[], indent: string, root: boolean): void {
  const name = r.resourceType;
  if (!/^[A-Z][A-Za-z]*$/.test(name)) throw new Error(`not a resource type: ${JSON.stringify(name)}`);
  out.push(`${indent}<${name}${root ? ' xmlns="http://hl7.org/fhir"' : ''}>\n`);
  writeMembers(r, out, `${indent}  `, 'resource');
  out.push(`${indent}</${name}>\n`);
}

/** What an object is: a resource (its `id` is an element), an extension (its `url` is an attribute) or another element. */
type Kind = 'resource' | 'extension' | 'element';

/** The properties of `o` as child elements, extensions first. */
function writeMembers(o: Json, out: string[], indent: string, kind: Kind): void {
  const attribute = (k: string): boolean => (k === 'id' && kind !== 'resource') || (k === 'url' && kind === 'extension');
  const keys = Object.keys(o).filter((k) => k !== 'resourceType' && !k.startsWith('_') && !attribute(k));
  const ordered = [
    ...keys.filter((k) => k === 'extension'),
    ...keys.filter((k) => k === 'modifierExtension'),
    ...keys.filter((k) => k !== 'extension' && k !== 'modifierExtension'),
  ];
  for (const k of ordered) {
    const v = o[k];
    const partner = o[`_${k}`];
    if (Array.isArray(v)) v.forEach((item, i) => writeElement(k, item, Array.isArray(partner) ? partner[i] : undefined, out, indent));
    else writeElement(k, v, partner, out, indent);
  }
  // primitives that only have a `_name` part (an id or extensions, no value)
  for (const k of Object.keys(o))
    if (k.startsWith('_') && !(k.slice(1) in o)) {
      const partner = o[k];
      for (const p of Array.isArray(partner) ? partner : [partner]) writeElement(k.slice(1), null, p, out, indent);
    }
}

function writeElement(name: string, v: unknown, partner: unknown, out: string[], indent: string): void {
  if (name === 'div' && typeof v === 'string') {
    out.push(`${indent}${v}\n`);
    return;
  }
  if (isResource(v)) {
    out.push(`${indent}<${name}>\n`);
    writeResource(v, out, `${indent}  `, false);
    out.push(`${indent}</${name}>\n`);
    return;
  }
  const p = isObject(partner) ? partner : undefined;
  const attrs: string[] = [];
  const pid = p?.['id'];
  if (typeof pid === 'string') attrs.push(`id="${escapeXml(pid)}"`);
  if (isObject(v)) {
    const id = v['id'];
    if (typeof id === 'string') attrs.push(`id="${escapeXml(id)}"`);
    const extension = name === 'extension' || name === 'modifierExtension';
    const url = v['url'];
    if (extension && typeof url === 'string') attrs.push(`url="${escapeXml(url)}"`);
    const head = `${indent}<${name}${attrs.map((a) => ' ' + a).join('')}`;
    const inner: string[] = [];
    writeMembers(v, inner, `${indent}  `, extension ? 'extension' : 'element');
    out.push(inner.length === 0 ? `${head}/>\n` : `${head}>\n${inner.join('')}${indent}</${name}>\n`);
    return;
  }
  if (v !== null && v !== undefined) attrs.push(`value="${escapeXml(primitiveText(v))}"`);
  const head = `${indent}<${name}${attrs.map((a) => ' ' + a).join('')}`;
  const ext = p?.['extension'];
  if (Array.isArray(ext) && ext.length > 0) {
    const inner: string[] = [];
    for (const e of ext) writeElement('extension', e, undefined, inner, `${indent}  `);
    out.push(`${head}>\n${inner.join('')}${indent}</${name}>\n`);
  } else out.push(`${head}/>\n`);
}
