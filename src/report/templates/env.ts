/**
 * The Handlebars environment the report renderers use: a fresh isolated one per compiled template
 * (`Handlebars.create()`), so nothing registered here leaks into, or is affected by, the global
 * Handlebars instance or another renderer; every template is compiled with `{ strict: true }` (a
 * missing field throws instead of rendering as nothing) and with HTML escaping on: templates never
 * use `{{{triple}}}` stashes, and the only helper that returns a SafeString (`md`) HTML-escapes its
 * input first.
 */
import Handlebars from 'handlebars';
import { terminalSafe } from '../../util/text.js';

/**
 * Text for a GitHub-flavoured Markdown table cell or heading: HTML-escaped (vendor data is
 * untrusted, and GFM passes inline HTML through) after Markdown punctuation that could start
 * emphasis, a link, a heading's closing sequence or a new table column is backslash-escaped
 * (first, so the `#` of the character references the HTML escaping makes stays as it is), and
 * line breaks become `<br>` (a raw newline would end the table row).
 */
export function escapeMarkdown(text: string): string {
  // control characters left after the line breaks (ESC …) are shown as `\u001b`: Markdown is read in terminals too
  return terminalSafe(Handlebars.Utils.escapeExpression(text.replace(/[\\|*_[\]~#]/g, (c) => `\\${c}`)).replace(/\r\n|\r|\n/g, '<br>'));
}

/** Compile a template in its own isolated environment, strict and escaping. */
export function compileTemplate<T>(source: string): (model: T) => string {
  const env = Handlebars.create();
  /** `{{md value}}`: escapeMarkdown, returned as a SafeString so it is not escaped twice. */
  env.registerHelper('md', (value: unknown) => new env.SafeString(escapeMarkdown(String(value))));
  const template = env.compile<T>(source, { strict: true });
  return (model: T) => template(model);
}
