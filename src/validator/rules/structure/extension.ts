import type { IssueSink, Json, WalkContext, Where } from '../../context.js';

const EXTENSION_URL = 'http://hl7.org/fhir/StructureDefinition/Extension';

/** An extension has a url, and a value or sub-extensions, not both (ext-1). */
export function checkExtension(value: Json, where: Where, sink: IssueSink): void {
  const hasValue = Object.keys(value).some((k) => k.startsWith('value'));
  const hasExt = Array.isArray(value['extension']) && (value['extension'] as unknown[]).length > 0;
  if (typeof value['url'] !== 'string') sink.report('structure/extension-invalid', where, { reason: 'url is missing' });
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
 * An extension that matched no slice, validated against its definition when one is available;
 * `structure/unknown-extension` when none is (an error on a modifier extension).
 */
export function validateUnslicedExtension(value: Json, where: Where, sink: IssueSink, modifier: boolean, ctx: WalkContext): void {
  const url = value['url'];
  if (typeof url !== 'string') return;
  const plan = ctx.plans.get(url);
  if (!plan || plan.type !== 'Extension') {
    sink.report('structure/unknown-extension', where, { url }, modifier ? { severity: 'error' } : {});
    return;
  }
  if (plan.url === EXTENSION_URL) return;
  ctx.validateNode(value, plan.root, 'Extension', where, sink);
}
