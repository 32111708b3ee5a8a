import type { RuleId } from '../rules/registry.js';
import { da } from './da.js';
import { en } from './en.js';

export type Locale = 'en' | 'da';

const TABLES: Record<Locale, Record<RuleId, string>> = { en, da };

const PLACEHOLDER = /\{(\w+)\}/g;
/** `[[…]]`: a part of a template shown only when the finding has every param it names (a suggestion, a list of codes). */
const OPTIONAL = /\[\[(.*?)\]\]/gs;

/**
 * Render a rule's message in a locale, filling `{param}` placeholders; an optional part `[[…]]` is
 * left out when one of its params is absent or empty.
 */
export function renderMessage(ruleId: RuleId, params: Readonly<Record<string, string | number>>, locale: Locale = 'en'): string {
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
  return fill(
    TABLES[locale][ruleId].replace(OPTIONAL, (_, part: string) =>
      [...part.matchAll(PLACEHOLDER)].every((m) => params[m[1]!] !== undefined && params[m[1]!] !== '') ? part : '',
    ),
  );
}
