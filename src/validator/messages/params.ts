import type { RuleId } from '../rules/registry.js';
import type { da } from './da.js';
import type { en } from './en.js';

/** The `{name}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A template without its optional parts (`[[…]]`, shown only when their params are given). */
export type WithoutOptional<S extends string> = S extends `${infer A}[[${string}]]${infer Rest}` ? `${A}${WithoutOptional<Rest>}` : S;

/** A message parameter's value. */
export type ParamValue = string | number;

/** The params of any finding (as an Issue carries them). */
export type IssueParams = Record<string, ParamValue>;

/**
 * Params a rule's findings carry that its message does not print (an `input/more-issues` finding's
 * scope, for reports that group them).
 */
interface ExtraParams {
  'input/more-issues': { scope: string };
}

/**
 * The params a finding of rule `R` must carry: one for each `{name}` of its English message (a
 * missing or misspelt name fails tsc), those of its optional parts `[[…]]` optional, plus its extras.
 */
export type ParamsOf<R extends RuleId> = Named<Placeholders<WithoutOptional<(typeof en)[R]>>, Placeholders<(typeof en)[R]>> &
  (R extends keyof ExtraParams ? ExtraParams[R] : unknown);
/** One param per name (`N`, of all names `All` those not optional); none at all for a message without placeholders. */
type Named<N extends string, All extends string> = [All] extends [never]
  ? Record<string, never>
  : { [K in N]: ParamValue } & { [K in Exclude<All, N>]?: ParamValue };

/** Whether two unions of names are the same. */
type Same<A extends string, B extends string> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * The rules whose Danish message has other placeholders than the English one, or other ones outside
 * its optional parts (none, or tsc fails below).
 */
type Mismatched = {
  [R in RuleId]: Same<Placeholders<(typeof en)[R]>, Placeholders<(typeof da)[R]>> extends true
    ? Same<Placeholders<WithoutOptional<(typeof en)[R]>>, Placeholders<WithoutOptional<(typeof da)[R]>>> extends true
      ? never
      : R
    : R;
}[RuleId];
/** A compile-time check: the Danish templates use the same placeholders as the English ones. */
export const DA_PLACEHOLDERS_MATCH: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
