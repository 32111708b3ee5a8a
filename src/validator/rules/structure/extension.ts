import type { IssueSink, Json, WalkContext, Where } from '../../context.js';
import type { ElementPlan, StructurePlan } from '../../plan/plan.js';
import { checkExtensionContext } from './extension-context.js';
import { isObject as isJsonObject } from '../../../util/json.js';

const EXTENSION_URL = 'http://hl7.org/fhir/StructureDefinition/Extension';

/** An extension has a url, and a value or sub-extensions, not both (ext-1). */
export function checkExtension(value: Json, where: Where, sink: IssueSink): void {
  const hasValue = Object.keys(value).some((k) => k.startsWith('value'));
  const hasExt = Array.isArray(value['extension']) && (value['extension'] as unknown[]).length > 0;
  const url = value['url'];
  if (typeof url !== 'string') sink.report('structure/extension-invalid', where, { reason: 'url is missing' });
  else if (url.trim() === '') sink.report('structure/extension-invalid', where, { reason: 'url is empty' });
  if (hasValue === hasExt) {
    sink.report(
      'structure/extension-invalid',
      where,
      {
        reason: hasValue ? 'it has both a value and extensions (ext-1)' : 'it has neither a value nor extensions (ext-1)',
      },
      { constraintKey: 'ext-1' },
    );
  }
}

/**
 * A cross-version extension url (http://hl7.org/fhir/<version>/StructureDefinition/extension-<Type>.<path>):
 * an extension for an element of another FHIR version, whose definition is derived from that version.
 * Returns the FHIR version it names.
 */
export function crossVersionUrl(url: string): string | undefined {
  const m = /^http:\/\/hl7\.org\/fhir\/([0-9]+\.[0-9]+)\/StructureDefinition\/extension-[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9[\]]+)+$/.exec(url);
  return m?.[1];
}

/**
 * A url at a domain reserved for examples (RFC 2606: example.org, example.com, example.net, and
 * *.example): a placeholder, as the HL7 validator treats it (an unknown extension there is only noted).
 */
export function isExampleUrl(url: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return false;
  return /(^|\.)example\.(org|com|net)$/.test(host) || host.endsWith('.example') || host === 'example';
}

/** Is the extension at `where` in the `extension` list of another extension (a sub-extension)? */
function isSubExtension(where: Where): boolean {
  const list = where.jsonPath.up;
  const parentIndex = list?.up;
  const parentList = parentIndex?.up;
  return (
    list?.step === 'extension' &&
    typeof parentIndex?.step === 'number' &&
    (parentList?.step === 'extension' || parentList?.step === 'modifierExtension')
  );
}

/** The url of the extension the sub-extension at `where` is in. */
function parentExtensionUrl(where: Where): string {
  let v: unknown = where.root;
  const steps: (string | number)[] = [];
  for (let p = where.jsonPath.up?.up; p && p.length > 0; p = p.up) steps.unshift(p.step);
  for (const s of steps) v = typeof s === 'number' ? (Array.isArray(v) ? (v as unknown[])[s] : undefined) : (v as Json | undefined)?.[s];
  const url = (v as Json | undefined)?.['url'];
  return typeof url === 'string' ? url : '';
}

/** A modifier extension belongs in modifierExtension, any other extension in extension. */
function checkModifierUse(url: string, plan: StructurePlan, modifier: boolean, where: Where, sink: IssueSink): void {
  const root: ElementPlan = plan.root;
  const isModifier = root.ed.isModifier === true;
  if (isModifier === modifier) return;
  sink.report('structure/extension-modifier', where, {
    url,
    expected: isModifier ? 'modifierExtension' : 'extension',
    found: modifier ? 'modifierExtension' : 'extension',
  });
}

/**
 * An extension that matched no slice, validated against its definition when one is available:
 * its use as extension or modifierExtension, its context of use, its content. Without a definition:
 * `structure/unknown-sub-extension` for a relative url in a complex extension (its definition is
 * the one that would define it), `structure/cross-version-extension` for a cross-version url, else
 * `structure/unknown-extension` (an error on a modifier extension unless its url is an example url).
 */
export function validateUnslicedExtension(value: Json, where: Where, sink: IssueSink, modifier: boolean, ctx: WalkContext): void {
  const url = value['url'];
  if (typeof url !== 'string' || url.trim() === '') return; // structure/extension-invalid
  const plan = ctx.plans.get(url);
  if (!plan || plan.type !== 'Extension') {
    if (!url.includes(':') && isSubExtension(where)) {
      sink.report('structure/unknown-sub-extension', where, { url, parent: parentExtensionUrl(where) });
      return;
    }
    const version = crossVersionUrl(url);
    if (version !== undefined) {
      sink.report('structure/cross-version-extension', where, { url, version });
      return;
    }
    sink.report('structure/unknown-extension', where, { url }, modifier && !isExampleUrl(url) ? { severity: 'error' } : {});
    return;
  }
  if (plan.url === EXTENSION_URL) return;
  checkModifierUse(url, plan, modifier, where, sink);
  checkExtensionContext(value, plan, where, sink, ctx);
  ctx.validateNode(value, plan.root, 'Extension', where, sink);
}

/** Resource.id is a plain string: it takes no extensions (`_id` with extensions). */
export function checkResourceIdTwin(twin: Json, node: ElementPlan, where: Where, sink: IssueSink): void {
  if ((node.ed.base?.path ?? node.path) !== 'Resource.id') return;
  const list = twin['extension'];
  if (!Array.isArray(list) || list.length === 0) return;
  const urls = list
    .map((e) => (typeof (e as Json | null)?.['url'] === 'string' ? ((e as Json)['url'] as string) : ''))
    .filter((u) => u !== '');
  sink.report('structure/resource-id-extension', where, { url: urls.join(', ') });
}

/**
 * An extension that matched a slice whose type profile is its definition: its use as extension or
 * modifierExtension and its context of use (the slice's own checks validate its content).
 */
export function checkSlicedExtension(
  value: unknown,
  slice: ElementPlan,
  modifier: boolean,
  where: Where,
  sink: IssueSink,
  ctx: WalkContext,
): void {
  if (!isJsonObject(value)) return;
  const url = value['url'];
  const profile = slice.types.find((t) => t.code === 'Extension')?.profiles[0];
  if (typeof url !== 'string' || !profile) return;
  const plan = ctx.plans.get(profile);
  if (!plan || plan.type !== 'Extension' || plan.url === EXTENSION_URL || plan.url !== url.replace(/\|.*$/, '')) return;
  checkModifierUse(url, plan, modifier, where, sink);
  checkExtensionContext(value, plan, where, sink, ctx);
}
