import { visibleEscape } from './text.js';

// what XML 1.0 does not allow (Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]):
// C0 controls other than tab, LF and CR, U+FFFE/U+FFFF, and surrogates not in a pair
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for XML 1.0 content or a quoted attribute value: characters XML cannot carry shown as
 * `\uXXXX` (so the output stays well-formed and nothing is silently lost), then `& < > " '` escaped.
 */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, visibleEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
