/**
 * A QuestionnaireResponse against its Questionnaire, as the HL7 validator checks it: every item's
 * linkId is an item of the Questionnaire at that level, answers have the item's type and (for an
 * item with answerOption or answerValueSet) one of its values, an item that does not repeat has one
 * answer, groups and display items have none, required items that are enabled are answered, and an
 * item that enableWhen disables has no answer. Nested items are checked below their group (item.item)
 * or answer (answer.item).
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { UcumUnits } from '../../terminology/ucum.js';

export interface QuestionnaireDeps {
  /** The Questionnaire the response names (a contained `#id`, a Bundle entry, or a loaded definition), or undefined. */
  questionnaire: (canonical: string) => Json | undefined;
  terminology: TerminologyService;
  /** UCUM unit conversion, for Quantity answers against minQuantity / maxQuantity. */
  ucum: UcumUnits;
  /**
   * Evaluate a FHIRPath expression of `questionnaire` on the response `qr` (an enableWhenExpression); undefined when it
   * cannot be (it fails, or the Questionnaire is not one the validator trusts to run expressions from).
   */
  evaluate?: (expression: string, questionnaire: Json, qr: Json) => unknown[] | undefined;
}

/** The answer value types (the `value[x]` suffix) an item of each Questionnaire item type takes. */
const ANSWER_TYPES: Readonly<Record<string, readonly string[]>> = {
  boolean: ['Boolean'],
  decimal: ['Decimal'],
  integer: ['Integer'],
  date: ['Date'],
  dateTime: ['DateTime'],
  time: ['Time'],
  string: ['String'],
  text: ['String'],
  url: ['Uri'],
  choice: ['Coding'],
  'open-choice': ['Coding', 'String'],
  attachment: ['Attachment'],
  reference: ['Reference'],
  quantity: ['Quantity'],
};

/** The types of QuestionnaireResponse.item.answer.value[x] (R4); another `value…` property is not an answer value. */
const VALUE_TYPES: ReadonlySet<string> = new Set(Object.values(ANSWER_TYPES).flat());

/** The `value[x]` of an answer, answerOption or enableWhen (`answer[x]` with prefix `answer`): its type suffix and value. */
function valueOf(o: Json, prefix: string): { type: string; value: unknown } | undefined {
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith(prefix) && VALUE_TYPES.has(k.slice(prefix.length))) {
      return { type: k.slice(prefix.length), value: v };
    }
  }
  return undefined;
}

const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every answer value in the response, by the linkId of its item (for enableWhen). */
function answersByLinkId(items: unknown, into: Map<string, { type: string; value: unknown }[]>): void {
  for (const item of objects(items)) {
    const linkId = str(item['linkId']);
    for (const a of objects(item['answer'])) {
      const v = valueOf(a, 'value');
      if (linkId !== undefined && v) {
        const list = into.get(linkId) ?? [];
        list.push(v);
        into.set(linkId, list);
      }
      answersByLinkId(a['item'], into);
    }
    answersByLinkId(item['item'], into);
  }
}

/** Whether two values of the same type are equal (a Coding by system and code; a system absent on either side matches). */
function same(a: { type: string; value: unknown }, b: { type: string; value: unknown }): boolean {
  if (a.type !== b.type) return false;
  if (isObject(a.value) && isObject(b.value)) {
    if (a.type === 'Coding') {
      const sa = str(a.value['system']);
      const sb = str(b.value['system']);
      return a.value['code'] === b.value['code'] && (sa === undefined || sb === undefined || sa === sb);
    }
    if (a.type === 'Reference') return a.value['reference'] === b.value['reference'];
    if (a.type === 'Quantity')
      return a.value['value'] === b.value['value'] && (a.value['code'] ?? a.value['unit']) === (b.value['code'] ?? b.value['unit']);
    return false;
  }
  return a.value === b.value;
}

/** a < b: negative, equal: 0, greater: positive; undefined when the two cannot be ordered. */
function order(a: { type: string; value: unknown }, b: { type: string; value: unknown }): number | undefined {
  if (a.type !== b.type) return undefined;
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  if (typeof a.value === 'string' && typeof b.value === 'string') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a.type === 'Quantity' && isObject(a.value) && isObject(b.value)) {
    const unit = (q: Json): unknown => q['code'] ?? q['unit'];
    if (unit(a.value) !== unit(b.value)) return undefined;
    const x = a.value['value'];
    const y = b.value['value'];
    return typeof x === 'number' && typeof y === 'number' ? x - y : undefined;
  }
  return undefined;
}

/** One enableWhen condition: true, false, or undefined when it cannot be decided. */
function condition(ew: Json, answers: ReadonlyMap<string, { type: string; value: unknown }[]>): boolean | undefined {
  const question = str(ew['question']);
  const operator = str(ew['operator']);
  const expected = valueOf(ew, 'answer');
  if (question === undefined || operator === undefined || !expected) return undefined;
  const given = answers.get(question) ?? [];
  if (operator === 'exists') return typeof expected.value === 'boolean' ? given.length > 0 === expected.value : undefined;
  if (given.length === 0) return false;
  if (operator === '=') return given.some((g) => same(g, expected));
  if (operator === '!=') return given.some((g) => !same(g, expected));
  const results = given.map((g) => order(g, expected));
  if (results.some((r) => r === undefined)) return undefined;
  const test: Record<string, (n: number) => boolean> = { '>': (n) => n > 0, '<': (n) => n < 0, '>=': (n) => n >= 0, '<=': (n) => n <= 0 };
  const t = test[operator];
  return t ? results.some((r) => t(r!)) : undefined;
}

const SDC_ENABLE_WHEN_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';
/** Finland's Kanta PHR form of it (a FHIRPath string), which the HL7 validator reads as well. */
const KANTA_ENABLE_WHEN = 'http://phr.kanta.fi/StructureDefinition/fiphr-ext-questionnaire-enablewhen';

/** The FHIRPath of an item's enableWhenExpression (SDC, language text/fhirpath; or Kanta's string), if it has one. */
function enableWhenExpression(qItem: Json): string | undefined {
  for (const e of objects(qItem['extension'])) {
    if (e['url'] === KANTA_ENABLE_WHEN && typeof e['valueString'] === 'string') return e['valueString'];
    const x = e['valueExpression'];
    if (
      e['url'] === SDC_ENABLE_WHEN_EXPRESSION &&
      isObject(x) &&
      x['language'] === 'text/fhirpath' &&
      typeof x['expression'] === 'string'
    ) {
      return x['expression'];
    }
  }
  return undefined;
}

/**
 * Whether an item is enabled: true, false, or undefined when that cannot be decided. An enableWhenExpression
 * decides alone (SDC: it and enableWhen are not used together): a result `true` enables the item, `false` or an
 * empty result disables it, anything else (or no evaluation) is undecided.
 */
function enabled(qItem: Json, run: Run): boolean | undefined {
  const expression = enableWhenExpression(qItem);
  if (expression !== undefined) {
    const result = run.deps.evaluate?.(expression, run.questionnaire, run.qr);
    if (result === undefined) return undefined;
    if (result.length === 0) return false;
    return result.length === 1 && typeof result[0] === 'boolean' ? result[0] : undefined;
  }
  const conditions = objects(qItem['enableWhen']);
  if (conditions.length === 0) return true;
  const results = conditions.map((c) => condition(c, run.answers));
  if (qItem['enableBehavior'] === 'any') {
    if (results.includes(true)) return true;
    return results.includes(undefined) ? undefined : false;
  }
  if (results.includes(false)) return false;
  return results.includes(undefined) ? undefined : true;
}

interface Run {
  sink: IssueSink;
  deps: QuestionnaireDeps;
  qr: Json;
  questionnaire: Json;
  answers: ReadonlyMap<string, { type: string; value: unknown }[]>;
}

/** The response items `items` (at `parent`, key `item`) against the Questionnaire items `qItems` of the same level. */
function checkItems(qItems: Json[], items: unknown, parent: Where, run: Run): void {
  const given = Array.isArray(items) ? items : [];
  const byLinkId = new Map<string, number[]>();
  given.forEach((item, i) => {
    if (!isObject(item)) return;
    const linkId = str(item['linkId']);
    if (linkId === undefined) return;
    const w = child(parent, 'item', i);
    const qItem = qItems.find((q) => q['linkId'] === linkId);
    if (!qItem) {
      run.sink.report('questionnaire/linkid-unknown', w, { linkId });
      return;
    }
    byLinkId.set(linkId, [...(byLinkId.get(linkId) ?? []), i]);
    checkItem(qItem, item, linkId, w, run);
  });
  for (const qItem of qItems) {
    const linkId = str(qItem['linkId']);
    if (linkId === undefined) continue;
    const at = byLinkId.get(linkId) ?? [];
    if (at.length > 1 && !(qItem['type'] === 'group' && qItem['repeats'] === true)) {
      run.sink.report('questionnaire/not-repeating', child(parent, 'item', at[1]), { linkId });
    }
    if (at.length === 0 && qItem['required'] === true && qItem['type'] !== 'display' && enabled(qItem, run) === true) {
      run.sink.report('questionnaire/required-missing', parent, { linkId });
    }
  }
}

function checkItem(qItem: Json, item: Json, linkId: string, w: Where, run: Run): void {
  const type = str(qItem['type']) ?? '';
  const answers = Array.isArray(item['answer']) ? (item['answer'] as unknown[]) : [];
  const nested = objects(qItem['item']);
  const on = enabled(qItem, run);
  // `question` is an abstract type (R4): an item of it, like a group or display item, has no answers of its own
  if (type === 'group' || type === 'display' || type === 'question') {
    if (answers.length > 0) run.sink.report('questionnaire/group-answer', w, { linkId, type });
    if (type === 'group' && qItem['required'] === true && on === true && objects(item['item']).length === 0) {
      run.sink.report('questionnaire/required-missing', w, { linkId });
    }
    if (on === false && objects(item['item']).length > 0) run.sink.report('questionnaire/enablewhen', w, { linkId });
    checkItems(nested, item['item'], w, run);
    return;
  }
  if (on === false && answers.length > 0) run.sink.report('questionnaire/enablewhen', w, { linkId });
  if (qItem['required'] === true && on === true && answers.length === 0) run.sink.report('questionnaire/required-missing', w, { linkId });
  if (answers.length > 1 && qItem['repeats'] !== true) run.sink.report('questionnaire/not-repeating', w, { linkId });
  const minOccurs = extensionValue(qItem, EXT + 'questionnaire-minOccurs')?.value;
  const maxOccurs = extensionValue(qItem, EXT + 'questionnaire-maxOccurs')?.value;
  if (typeof minOccurs === 'number' && on === true && answers.length < minOccurs) {
    run.sink.report('questionnaire/answer-count', w, { linkId, count: answers.length, limit: `minOccurs ${minOccurs}` });
  }
  if (typeof maxOccurs === 'number' && answers.length > maxOccurs) {
    run.sink.report('questionnaire/answer-count', w, { linkId, count: answers.length, limit: `maxOccurs ${maxOccurs}` });
  }
  const options = objects(qItem['answerOption'])
    .map((o) => valueOf(o, 'value'))
    .filter((v) => v !== undefined);
  const exclusive = objects(qItem['answerOption'])
    .filter((o) => objects(o['extension']).some((e) => e['url'] === EXT + 'questionnaire-optionExclusive' && e['valueBoolean'] === true))
    .map((o) => valueOf(o, 'value'))
    .filter((o) => o !== undefined);
  const allowed = ANSWER_TYPES[type];
  answers.forEach((a, j) => {
    if (!isObject(a)) return;
    const aw = child(w, 'answer', j);
    const v = valueOf(a, 'value');
    // a choice item without answerOption (a value set, or nothing) is not held to Coding here
    const choice = type === 'choice' || type === 'open-choice';
    if (v && allowed) {
      const types = choice ? [...allowed, ...options.map((o) => o.type)] : allowed;
      if (!types.includes(v.type) && !(choice && options.length === 0)) {
        run.sink.report('questionnaire/answer-type', aw, { found: v.type, itemType: type, expected: [...new Set(types)].join(', ') });
      } else {
        checkAllowed(qItem, options, v, type, linkId, aw, run);
        checkConstraints(qItem, v, linkId, aw, run);
        // an option marked exclusive is the only answer when chosen
        if (answers.length > 1 && exclusive.some((o) => same(o, v))) {
          run.sink.report('questionnaire/answer-constraint', aw, { linkId, value: shown(v), constraint: 'optionExclusive' });
        }
      }
    }
    checkItems(nested, a['item'], aw, run);
  });
  if (item['item'] !== undefined) checkItems(nested, item['item'], w, run);
}

const EXT = 'http://hl7.org/fhir/StructureDefinition/';

/** The value of the Questionnaire item's extension `url` (its value[x]), if any. */
function extensionValue(qItem: Json, url: string): { type: string; value: unknown } | undefined {
  const ext = objects(qItem['extension']).find((e) => e['url'] === url);
  const key = ext && Object.keys(ext).find((k) => /^value[A-Z]/.test(k));
  return ext && key ? { type: key.slice('value'.length), value: ext[key] } : undefined;
}

/** The longest regex from a Questionnaire we run. */
const MAX_REGEX = 500;

/**
 * Can the pattern be run on an answer in time linear-ish in its length? Not when it has a backreference, or a
 * repeated group that itself holds a repetition or an alternation (`(a+)+`, `(a|a)*`, `(\w+\s?)*`): those are the
 * shapes that backtrack exponentially in JavaScript's engine. Conservative: a safe pattern of that shape is not run
 * either (reported as not checked, never as passed).
 */
export function safeRegex(pattern: string): boolean {
  if (pattern.length > MAX_REGEX || /\\[1-9k]/.test(pattern)) return false;
  // per open group: does it hold a quantifier or an alternation?
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (risky && quantified) return false;
      // a group holding a repetition makes its enclosing group hold one too
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
      if (quantified && stack.length > 0) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && stack.length > 0) stack[stack.length - 1] = true;
  }
  return true;
}

/** The decimal places of a number as JSON gives it (trailing zeros are not kept by the parser: never more than written). */
function decimalPlaces(n: number): number {
  const text = String(n);
  if (/e/i.test(text)) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * An answer against the constraints the item states as standard extensions or elements: minValue and
 * maxValue (numbers, dates, times), maxLength and minLength, regex, maxDecimalPlaces (decimals and
 * quantities). A regular expression that does not compile here is not applied.
 */
function checkConstraints(qItem: Json, v: { type: string; value: unknown }, linkId: string, aw: Where, run: Run): void {
  const report = (constraint: string): void =>
    run.sink.report('questionnaire/answer-constraint', aw, { linkId, value: shown(v), constraint });
  const min = extensionValue(qItem, EXT + 'minValue');
  const max = extensionValue(qItem, EXT + 'maxValue');
  if (typeof v.value === 'number' || typeof v.value === 'string') {
    const lo = min && order(v, min);
    if (min && lo !== undefined && lo < 0) report(`minValue ${String(min.value)}`);
    const hi = max && order(v, max);
    if (max && hi !== undefined && hi > 0) report(`maxValue ${String(max.value)}`);
  }
  if (typeof v.value === 'string' && v.type === 'String') {
    const maxLength = qItem['maxLength'];
    if (typeof maxLength === 'number' && v.value.length > maxLength) report(`maxLength ${maxLength}`);
    const minLength = extensionValue(qItem, EXT + 'minLength')?.value;
    if (typeof minLength === 'number' && v.value.length < minLength) report(`minLength ${minLength}`);
    const regex = extensionValue(qItem, EXT + 'regex')?.value;
    if (typeof regex === 'string' && !safeRegex(regex)) {
      // the pattern comes from the file: one that can backtrack exponentially is not run
      run.sink.report('questionnaire/not-checked', aw, { linkId, regex });
    } else if (typeof regex === 'string') {
      let re: RegExp | undefined;
      try {
        re = new RegExp(`^(?:${regex})$`);
      } catch {
        re = undefined;
      }
      if (re && !re.test(v.value)) report(`regex ${regex}`);
    }
  }
  if (v.type === 'Attachment' && isObject(v.value)) checkAttachment(qItem, v.value, report);
  if (v.type === 'Quantity' && isObject(v.value)) checkQuantity(qItem, v.value, report, run);
  const places = extensionValue(qItem, EXT + 'maxDecimalPlaces')?.value;
  const number = v.type === 'Quantity' && isObject(v.value) ? v.value['value'] : v.type === 'Decimal' ? v.value : undefined;
  if (typeof places === 'number' && typeof number === 'number' && decimalPlaces(number) > places) report(`maxDecimalPlaces ${places}`);
}

const UCUM = 'http://unitsofmeasure.org';
const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/';

/**
 * A Quantity answer against the item's unitOption codings, its unitValueSet (where decided here) and
 * the SDC minQuantity / maxQuantity. As the HL7 validator has it, a bound the answer cannot be compared
 * with (no UCUM code on either side, or units that do not convert) is a finding too.
 */
function checkQuantity(qItem: Json, q: Json, report: (constraint: string) => void, run: Run): void {
  const system = str(q['system']);
  const code = str(q['code']);
  const units = objects(qItem['extension'])
    .filter((e) => e['url'] === EXT + 'questionnaire-unitOption' && isObject(e['valueCoding']))
    .map((e) => e['valueCoding'] as Json);
  if (units.length > 0 && !units.some((u) => u['code'] === code && (u['system'] === undefined || u['system'] === system))) {
    report(`unitOption ${units.map((u) => String(u['code'])).join(', ')}`);
  }
  const unitValueSet = extensionValue(qItem, EXT + 'questionnaire-unitValueSet')?.value;
  if (typeof unitValueSet === 'string') {
    const result = code === undefined ? 'not-in' : run.deps.terminology.check(unitValueSet, system, code).result;
    if (result === 'not-in') report(`unitValueSet ${unitValueSet}`);
  }
  const value = q['value'];
  if (typeof value !== 'number') return;
  for (const [url, name, beyond] of [
    [SDC + 'sdc-questionnaire-minQuantity', 'minQuantity', (n: number) => n < 0],
    [SDC + 'sdc-questionnaire-maxQuantity', 'maxQuantity', (n: number) => n > 0],
  ] as const) {
    const bound = extensionValue(qItem, url)?.value;
    if (!isObject(bound) || typeof bound['value'] !== 'number') continue;
    const boundCode = str(bound['code']);
    const shownBound = `${name} ${bound['value']} ${str(bound['unit']) ?? boundCode ?? ''}`.trim();
    const comparable = system === UCUM && bound['system'] === UCUM && code !== undefined && boundCode !== undefined;
    const converted = comparable ? run.deps.ucum.convert(value, code, boundCode) : undefined;
    if (converted === undefined) report(`${shownBound} (cannot be compared: no UCUM units that convert)`);
    else if (beyond(converted - bound['value'])) report(shownBound);
  }
}

/** An attachment answer against the item's mimeType extensions (the allowed content types) and maxSize (bytes). */
function checkAttachment(qItem: Json, attachment: Json, report: (constraint: string) => void): void {
  const types = objects(qItem['extension'])
    .filter((e) => e['url'] === EXT + 'mimeType')
    .map((e) => e['valueCode'])
    .filter((t): t is string => typeof t === 'string');
  const contentType = str(attachment['contentType']);
  if (types.length > 0 && contentType !== undefined && !types.includes(contentType)) report(`mimeType ${types.join(', ')}`);
  const maxSize = extensionValue(qItem, EXT + 'maxSize')?.value;
  if (typeof maxSize !== 'number') return;
  const data = str(attachment['data']);
  const stated = attachment['size'];
  // the size stated, else the bytes the base64 data decodes to
  const size =
    typeof stated === 'number' ? stated : data !== undefined ? Math.floor((data.replace(/[^A-Za-z0-9+/]/g, '').length * 3) / 4) : undefined;
  if (size !== undefined && size > maxSize) report(`maxSize ${maxSize}`);
}

/** An answer against the item's answerOption, or its answerValueSet where that is decided here. */
function checkAllowed(
  qItem: Json,
  options: { type: string; value: unknown }[],
  v: { type: string; value: unknown },
  type: string,
  linkId: string,
  aw: Where,
  run: Run,
): void {
  // free text beside the options of an open-choice item
  if (type === 'open-choice' && v.type === 'String') return;
  if (options.length > 0) {
    if (!options.some((o) => same(o, v))) run.sink.report('questionnaire/answer-not-allowed', aw, { linkId, value: shown(v) });
    return;
  }
  const valueSet = str(qItem['answerValueSet']);
  if (valueSet === undefined) return;
  // a string item bound to a value set: the text is one of its codes (of any of its systems), as the HL7 validator reads it
  if (type === 'string' && v.type === 'String' && typeof v.value === 'string') {
    const check = run.deps.terminology.check(valueSet, undefined, v.value);
    if (check.result === 'not-in') run.sink.report('questionnaire/answer-not-allowed', aw, { linkId, value: v.value });
    else if (check.result === 'unknown') run.sink.report('questionnaire/not-checked', aw, { linkId, valueSet });
    return;
  }
  if (v.type !== 'Coding' || !isObject(v.value)) return;
  const code = str(v.value['code']);
  if (code === undefined) return;
  const check = run.deps.terminology.check(valueSet, str(v.value['system']), code);
  if (check.result === 'not-in') run.sink.report('questionnaire/answer-not-allowed', aw, { linkId, value: shown(v) });
  else if (check.result === 'unknown') run.sink.report('questionnaire/not-checked', aw, { linkId, valueSet });
}

function shown(v: { type: string; value: unknown }): string {
  if (isObject(v.value)) {
    const system = str(v.value['system']);
    const code = str(v.value['code']) ?? str(v.value['reference']);
    return system ? `${system}#${code ?? ''}` : (code ?? JSON.stringify(v.value));
  }
  return String(v.value);
}

/** Check a QuestionnaireResponse (`qr`, at `where`) against the Questionnaire its `questionnaire` names. */
export function checkQuestionnaireResponse(qr: Json, where: Where, sink: IssueSink, deps: QuestionnaireDeps): void {
  const canonical = str(qr['questionnaire']);
  if (canonical === undefined) return;
  const questionnaire = deps.questionnaire(canonical);
  if (!questionnaire) {
    sink.report('questionnaire/unknown-questionnaire', child(where, 'questionnaire'), { questionnaire: canonical });
    return;
  }
  const answers = new Map<string, { type: string; value: unknown }[]>();
  answersByLinkId(qr['item'], answers);
  checkItems(objects(questionnaire['item']), qr['item'], where, { sink, deps, answers, qr, questionnaire });
}
