import type { IssueSink, Where } from '../../context.js';
import { quoteValue } from '../../../util/text.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A uri (or url, canonical) value in the `urn:uuid:` scheme names a UUID: 8-4-4-4-12 hexadecimal digits, lower case
 * (RFC 4122 writes them so, and FHIR's uuid type allows no other form) — as the HL7 validator checks. A fragment
 * (`#…`, a part of the resource the UUID names) may follow.
 */
export function checkUri(value: unknown, where: Where, sink: IssueSink): void {
  if (typeof value !== 'string' || !value.startsWith('urn:uuid:')) return;
  const hash = value.indexOf('#');
  if (UUID.test(value.slice(9, hash < 0 ? undefined : hash))) return;
  sink.report('types/uri-uuid', where, { value: quoteValue(value) });
}
