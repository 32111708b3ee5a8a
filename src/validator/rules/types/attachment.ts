import type { IssueSink, Json, Where } from '../../context.js';
import { child } from '../../context.js';

/**
 * The number of bytes a base64 text decodes to (whitespace ignored); `undefined` when the text is not
 * base64 (`types/primitive-format` says so).
 */
export function base64Length(text: string): number | undefined {
  let n = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    const alpha = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
    if (c === 0x3d) padding++;
    else if (!alpha || padding > 0) return undefined;
    n++;
  }
  if (n === 0 || n % 4 !== 0 || padding > 2) return undefined;
  return (n / 4) * 3 - padding;
}

/**
 * An Attachment that carries its `data` inline and states its `size`: the size is the number of bytes
 * the data decodes to (R4 Attachment.size: "the number of bytes of data that make up this attachment
 * (before base64 encoding, if that is done)").
 */
export function checkAttachment(value: Json, where: Where, sink: IssueSink): void {
  const data = value['data'];
  const size = value['size'];
  if (typeof data !== 'string' || typeof size !== 'number' || !Number.isInteger(size)) return;
  const actual = base64Length(data);
  if (actual === undefined || actual === size) return;
  sink.report('types/attachment-size', child(where, 'size'), { size, actual });
}
