/**
 * The Handlebars environment the report renderers use: a fresh isolated one per compiled template
 * (`Handlebars.create()`), so nothing registered here leaks into, or is affected by, the global
 * Handlebars instance or another renderer; every template is compiled with `{ strict: true }` (a
 * missing field throws instead of rendering as nothing). HTML templates escape for HTML and never use
 * `{{{triple}}}` stashes; the Markdown template escapes each vendor value with `{{md …}}` (no HTML entities).
 */
import Handlebars from 'handlebars';
import { terminalSafe } from '../../util/text.js';

/**
 * Text for a GitHub-flavoured Markdown table cell or heading, escaped the Markdown way (no HTML entities: the
 * report is read as plain text too): every character that could start emphasis, code, a link, an autolink or
 * inline HTML, an entity, maths, a heading's closing sequence or a new table column is backslash-escaped
 * (CommonMark: a backslash before ASCII punctuation makes it literal), and line breaks become one space (a raw
 * newline would end the table row). Control characters left (ESC …) are shown as `\u001b`: Markdown is read in
 * terminals too.
 */
export function escapeMarkdown(text: string): string {
  return terminalSafe(text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`));
}

/**
 * Compile a template in its own isolated environment, strict. `html` (the default) escapes every `{{value}}`
 * for HTML; `markdown` does not (the output is Markdown, not HTML): there every vendor value goes through
 * `{{md …}}`. In either, `{{md value}}` is escapeMarkdown's text (HTML-escaped as well in an `html` template).
 */
export function compileTemplate<T>(source: string, escaping: 'html' | 'markdown' = 'html'): (model: T) => string {
  const env = Handlebars.create();
  env.registerHelper('md', (value: unknown) => escapeMarkdown(String(value)));
  const template = env.compile<T>(source, { strict: true, noEscape: escaping === 'markdown' });
  return (model: T) => template(model);
}
