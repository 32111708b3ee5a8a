/**
 * A small Markdown-to-HTML renderer for the subset the rule pages (docs/rules) use: ATX headings
 * (with ids), paragraphs, fenced code, GFM tables, bullet and numbered lists (nested by
 * indentation), block quotes, rules, and inline code, **strong**, *emphasis*, links and backslash
 * escapes. Everything from the source is HTML-escaped: raw HTML in the Markdown is shown as text,
 * never passed through. Links go through `link`, which returns the href to use or undefined to
 * render the link text only (a target the site does not have).
 */

export interface MarkdownOptions {
  /** Map a link target as written to an href, or undefined to drop the link (its text stays). */
  link: (href: string) => string | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]!);
}

/** A heading's id: lower case, punctuation dropped, spaces to hyphens (as GitHub makes them). */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
}

const INLINE_TOKEN = /(`+)([\s\S]*?[^`])\1(?!`)|\[((?:[^[\]]|\[[^\]]*\])*)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|\\([\\`*_{}[\]()#+\-.!|~<>])/g;

/** Inline Markdown to HTML: code spans, links and escapes become placeholders, the rest is escaped, then emphasis. */
export function renderInline(text: string, options: MarkdownOptions, inLink = false): string {
  const parts: string[] = [];
  const hold = (html: string): string => `\u0000${parts.push(html) - 1}\u0000`;
  const held = text.replace(INLINE_TOKEN, (whole, ticks: string | undefined, code: string | undefined, label: string | undefined, href: string | undefined, escaped: string | undefined) => {
    if (ticks !== undefined && code !== undefined) {
      const body = code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code;
      return hold(`<code>${escapeHtml(body)}</code>`);
    }
    if (label !== undefined && href !== undefined) {
      const inner = renderInline(label, options, true);
      const target = inLink ? undefined : options.link(href);
      return hold(target === undefined ? inner : `<a href="${escapeHtml(target)}">${inner}</a>`);
    }
    if (escaped !== undefined) return hold(escapeHtml(escaped));
    return hold(escapeHtml(whole));
  });
  let html = escapeHtml(held)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([\s\S]*?\S)__(?!\w)/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*(?=[^\s*])([\s\S]*?[^\s*])\*(?![\w*])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/g, '$1<em>$2</em>');
  // placeholders may nest (a link label holding code): resolve until none is left
  for (let i = 0; i < 4 && html.includes('\u0000'); i++) html = html.replace(/\u0000(\d+)\u0000/g, (_, n: string) => parts[Number(n)]!);
  return html;
}

interface Line { indent: number; text: string }

function measure(raw: string): Line {
  const expanded = raw.replace(/\t/g, '    ');
  const text = expanded.trimStart();
  return { indent: expanded.length - text.length, text };
}

const BULLET = /^([-*+]|\d{1,9}[.)])\s+/;
const FENCE = /^(`{3,}|~{3,})\s*([^`]*)$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let inCode = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] === '|') { cur += '|'; i++; continue; }
    if (c === '`') inCode = !inCode;
    if (c === '|' && !inCode) { cells.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

const TABLE_SEPARATOR = /^\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** Render a Markdown document (the subset above) to HTML. */
export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return renderBlocks(lines, options, new Map());
}

function renderBlocks(lines: string[], options: MarkdownOptions, ids: Map<string, number>): string {
  const out: string[] = [];
  let i = 0;
  const inline = (t: string): string => renderInline(t, options);
  while (i < lines.length) {
    const raw = lines[i]!;
    const { indent, text } = measure(raw);
    if (text === '') { i++; continue; }
    const fence = FENCE.exec(text);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) {
        body.push(lines[i]!.startsWith(' '.repeat(indent)) ? lines[i]!.slice(indent) : lines[i]!.trimStart());
        i++;
      }
      i++;
      const lang = fence[2]!.trim();
      out.push(`<pre><code${lang ? ` class="lang-${escapeHtml(lang.replace(/[^A-Za-z0-9_-]/g, ''))}"` : ''}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) {
      const level = heading[1]!.length;
      const base = slug(heading[2]!.replace(/`/g, '')) || 'section';
      const n = ids.get(base) ?? 0;
      ids.set(base, n + 1);
      const id = n === 0 ? base : `${base}-${n}`;
      out.push(`<h${level} id="${escapeHtml(id)}">${inline(heading[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(text.replace(/\s/g, ''))) { out.push('<hr>'); i++; continue; }
    if (text.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!.trim()) && lines[i + 1]!.includes('-')) {
      const head = splitRow(text);
      const aligns = splitRow(lines[i + 1]!).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : ''));
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|')) { rows.push(splitRow(lines[i]!)); i++; }
      const cell = (tag: string, c: string, k: number): string => `<${tag}${aligns[k] ? ` class="${aligns[k]}"` : ''}>${inline(c)}</${tag}>`;
      out.push(`<table class="md"><thead><tr>${head.map((c, k) => cell('th', c, k)).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${head.map((_, k) => cell('td', r[k] ?? '', k)).join('')}</tr>`).join('')}</tbody></table>`);
      continue;
    }
    if (text.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && measure(lines[i]!).text.startsWith('>')) { quoted.push(measure(lines[i]!).text.replace(/^>\s?/, '')); i++; }
      out.push(`<blockquote>${renderBlocks(quoted, options, ids)}</blockquote>`);
      continue;
    }
    const bullet = BULLET.exec(text);
    if (bullet) {
      const ordered = /\d/.test(bullet[1]![0]!);
      const items: string[][] = [];
      const base = indent;
      while (i < lines.length) {
        const l = measure(lines[i]!);
        const b = BULLET.exec(l.text);
        if (l.text === '') {
          // a blank line ends the list unless the next line continues it (indented, or another item)
          const next = i + 1 < lines.length ? measure(lines[i + 1]!) : undefined;
          if (next && next.text !== '' && (next.indent > base || (next.indent === base && BULLET.test(next.text)))) { items[items.length - 1]!.push(''); i++; continue; }
          break;
        }
        if (b && l.indent === base && (/\d/.test(b[1]![0]!) === ordered)) {
          const contentIndent = l.indent + b[0].length;
          items.push([l.text.slice(b[0].length)]);
          i++;
          // continuation lines: indented past the marker, or lazy paragraph lines
          while (i < lines.length) {
            const c = measure(lines[i]!);
            if (c.text === '') break;
            if (c.indent <= base && (BULLET.test(c.text) || FENCE.test(c.text) || c.text.startsWith('#'))) break;
            items[items.length - 1]!.push(c.indent >= contentIndent ? lines[i]!.replace(/\t/g, '    ').slice(contentIndent) : c.text);
            i++;
          }
          continue;
        }
        if (l.indent > base && items.length > 0) {
          items[items.length - 1]!.push(lines[i]!.replace(/\t/g, '    ').slice(Math.min(l.indent, base + 2)));
          i++;
          continue;
        }
        break;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((it) => {
        const blocks = renderBlocks(it, options, ids);
        // an item without blank lines (a tight list) renders its first paragraph without <p>
        if (it.includes('') || !blocks.startsWith('<p>')) return `<li>${blocks}</li>`;
        const end = blocks.indexOf('</p>');
        return `<li>${blocks.slice(3, end)}${blocks.slice(end + 4)}</li>`;
      }).join('')}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = measure(lines[i]!);
      if (l.text === '' || FENCE.test(l.text) || /^#{1,6}\s/.test(l.text) || l.text.startsWith('>') || (para.length > 0 && BULLET.test(l.text) && l.indent <= indent)) break;
      if (l.text.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!.trim()) && lines[i + 1]!.includes('-')) break;
      para.push(l.text);
      i++;
    }
    out.push(`<p>${para.map((p, k) => {
      const hard = k < para.length - 1 && (lines[0] !== undefined) && / {2,}$/.test(p);
      return inline(p.trimEnd()) + (hard ? '<br>' : '');
    }).join('\n')}</p>`);
  }
  return out.join('\n');
}
