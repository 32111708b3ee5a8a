/**
 * Markdown to HTML for the site: the rule pages (docs/rules) and FHIR `markdown` fields
 * (descriptions, purposes). markdown-it in CommonMark mode with GFM tables; raw HTML off (it is
 * shown as text, never passed through), no linkify, no typographer, no images (the site loads no
 * external asset: `![alt](src)` stays text and a link). Headings get ids (as GitHub makes them,
 * numbered when repeated) so the rule pages' anchors work; table alignment is a class, tables
 * carry class `md`, fenced code `lang-<info>`.
 *
 * Links: markdown-it refuses unsafe schemes (javascript:, vbscript:, file:, data:) itself, so such
 * a link stays text; a target with any scheme but http(s) is text too; every other target goes
 * through `link`, which returns the href to use or
 * undefined to render the link text only (a target the site does not have).
 */
import markdownItFactory, { type MarkdownIt, type Token } from 'markdown-it';

export interface MarkdownOptions {
  /** Map a link target as written to an href, or undefined to drop the link (its text stays). */
  link: (href: string) => string | undefined;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]!);
}

/** A heading's id: lower case, punctuation dropped, spaces to hyphens (as GitHub makes them). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WEB = /^https?:/i;

/** A markdown-it configured as above (made per document: it holds no state between documents). */
function markdownIt(): MarkdownIt {
  const md = markdownItFactory('default', { html: false, linkify: false, typographer: false, langPrefix: 'lang-' });
  md.disable('image');
  return md;
}

/** Render a Markdown document to HTML. */
export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const md = markdownIt();
  const tokens = md.parse(source, {});
  const ids = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const base = slug((tokens[i + 1]?.content ?? '').replace(/`/g, '')) || 'section';
      const n = ids.get(base) ?? 0;
      ids.set(base, n + 1);
      t.attrSet('id', n === 0 ? base : `${base}-${n}`);
    } else if (t.type === 'table_open') {
      t.attrSet('class', 'md');
    } else if (t.type === 'th_open' || t.type === 'td_open') {
      const align = /^text-align:(left|center|right)$/.exec(String(t.attrGet('style') ?? ''))?.[1];
      if (align !== undefined) {
        t.attrs = (t.attrs ?? []).filter((attr) => attr[0] !== 'style');
        if (align !== 'left') t.attrSet('class', align);
      }
    } else if (t.type === 'inline' && t.children) {
      t.children = links(t.children, options);
    }
  }
  return md.renderer.render(tokens, md.options, {});
}

/** The inline tokens with each link's target mapped by `options.link`; a link it refuses becomes its text. */
function links(children: Token[], options: MarkdownOptions): Token[] {
  const out: Token[] = [];
  /** per open link: whether it was dropped */
  const open: boolean[] = [];
  for (const c of children) {
    if (c.type === 'link_open') {
      const href = String(c.attrGet('href') ?? '');
      // beyond markdown-it's own check: a target with a scheme is a link only when it is http(s)
      const target = SCHEME.test(href) && !WEB.test(href) ? undefined : options.link(href);
      open.push(target === undefined);
      if (target === undefined) continue;
      c.attrSet('href', target);
    } else if (c.type === 'link_close') {
      if (open.pop() === true) continue;
    }
    out.push(c);
  }
  return out;
}
