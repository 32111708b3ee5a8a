import type { RuleId } from '../rules/registry.js';
import { da } from './da.js';
import { en } from './en.js';

export type Locale = 'en' | 'da';

const TABLES: Record<Locale, Record<RuleId, string>> = { en, da };

/** Render a rule's message in a locale, filling `{param}` placeholders. */
export function renderMessage(ruleId: RuleId, params: Readonly<Record<string, string | number>>, locale: Locale = 'en'): string {
  return TABLES[locale][ruleId].replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}
