import type { ElementPlan } from '../../plan/plan.js';
import type { IssueSink, Where } from '../../context.js';

// an absolute URI starts with a scheme (RFC 3986): `http://…`, `urn:oid:…`
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Coding.system names a code system by an absolute URI (a URL, `urn:oid:`, `urn:uuid:`): a local name (`Location`,
 * `LOINC`) identifies nothing outside the document. The HL7 validator gives the same error ("Coding.system must be
 * an absolute reference, not a local reference"). Called for every primitive; acts on Coding.system only.
 */
export function checkCodingSystem(value: unknown, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (typeof value !== 'string' || value === '' || ABSOLUTE.test(value)) return;
  const base = node.ed.base?.path ?? node.ed.path;
  if (base !== 'Coding.system') return;
  sink.report('terminology/system-not-absolute', where, { system: value }, { node });
}
