/**
 * The note of a MedCom Notes document is base64 text/html in MedCom's "SimplifiedHTML" (FNUX): line
 * breaks, bold, italics, underline and monospaced text, combinable (the Notes IG's Observation page;
 * ../shared/research/medcom-igs.md §3.2). MedCom's own examples use p, br, b, i, em, tt, also with a
 * namespace prefix (`<x:p>`). We read the subset as these elements (strong and u for bold and
 * underline), no attributes except namespace declarations, and text without literal escape
 * sequences: MedCom's test example tec-invalidWrongFormatting is a note whose text holds `\t`
 * (a backslash and a t) between items, which a receiver shows verbatim.
 */
export const SIMPLIFIED_HTML_ELEMENTS: readonly string[] = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'tt'];
const ALLOWED = new Set(SIMPLIFIED_HTML_ELEMENTS);
const VOID = new Set(['br']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replace character references; unknown named ones are kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (all, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? all;
  });
}

const TAG =
  /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->|<[!?][^>]*>/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

export interface NoteHtml {
  /** The text a reader sees: tags removed, character references decoded, whitespace collapsed. */
  visibleText: string;
  /** Why the note is outside the subset (empty when it is inside). */
  problems: string[];
}

/** Read a decoded note: its visible text, and where it leaves the simplified HTML subset. */
export function readNoteHtml(html: string): NoteHtml {
  const problems: string[] = [];
  const disallowed = new Set<string>();
  const attributes = new Set<string>();
  const stack: string[] = [];
  let unbalanced: string | undefined;
  const texts: string[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    texts.push(html.slice(last, m.index));
    last = TAG.lastIndex;
    if (m[2] === undefined) {
      problems.push(m[0].startsWith('<!--') ? 'a comment' : `markup '${m[0].slice(0, 20)}'`);
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const name = m[2].toLowerCase().replace(/^[^:]*:/, '');
    if (!ALLOWED.has(name)) disallowed.add(name);
    for (const a of (m[3] ?? '').matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) attributes.add(`${attr} on <${name}>`);
    }
    if (closing) {
      if (stack[stack.length - 1] === name) stack.pop();
      else unbalanced ??= `</${name}> does not close an open <${name}>`;
    } else if (!selfClosing && !VOID.has(name)) {
      stack.push(name);
    }
  }
  texts.push(html.slice(last));
  if (stack.length > 0) unbalanced ??= `<${stack[stack.length - 1]!}> is not closed`;
  if (disallowed.size > 0)
    problems.push(
      `element${disallowed.size > 1 ? 's' : ''} ${[...disallowed].map((n) => `<${n}>`).join(', ')} (allowed: ${SIMPLIFIED_HTML_ELEMENTS.join(', ')})`,
    );
  if (attributes.size > 0) problems.push(`attribute${attributes.size > 1 ? 's' : ''} ${[...attributes].join(', ')}`);
  if (unbalanced) problems.push(unbalanced);
  const raw = texts.join('');
  if (/[<>]/.test(raw)) problems.push("a '<' or '>' that is not markup (write &lt; or &gt;)");
  const text = decodeEntities(raw);
  const escapes = new Map<string, number>();
  for (const e of text.matchAll(/\\[tnr]/g)) escapes.set(e[0], (escapes.get(e[0]) ?? 0) + 1);
  if (escapes.size > 0) {
    problems.push(
      `literal escape sequence${escapes.size > 1 ? 's' : ''} ${[...escapes].map(([s, n]) => `'${s}' (${n}×)`).join(', ')} in the text`,
    );
  }
  return { visibleText: text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim(), problems };
}
