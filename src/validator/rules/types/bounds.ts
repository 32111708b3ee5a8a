import type { IssueSink, Json, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import type { UcumUnits } from '../../terminology/ucum.js';
import { isObject } from '../../../util/json.js';
import { quoteValue } from '../../../util/text.js';

/**
 * minValue[x] and maxValue[x] (`types/min-value`, `types/max-value`), the minLength extension
 * (`types/min-length`), and what R5's mustHaveValue and valueAlternatives (in R4 the cross-version
 * extensions) ask of a primitive that has only extensions (`types/value-missing`, `types/value-alternative`).
 *
 * A bound is held against a value only where the two compare for certain: numbers with numbers, a
 * time with a time, a date with a date over the whole of the shorter one's precision (`2024` is below
 * `2025-01-01`, `2025` is neither below nor above it), a Quantity with a Quantity in the same or a
 * convertible UCUM unit. A Duration (or a Quantity in units of time) bounding a date is taken from now: a
 * maxValue of 10 a allows no date later than ten years from now, a minValue of 100 a none earlier than a
 * hundred years ago. A value that cannot be compared with its bound is not reported.
 */

const UCUM = 'http://unitsofmeasure.org';
const DAY = 86_400_000;
/** UCUM units of time, in milliseconds (a year and a month as UCUM defines them: 365.25 and 30.4375 days). */
const TIME_UNITS: ReadonlyMap<string, number> = new Map([
  ['a', 365.25 * DAY],
  ['mo', 30.4375 * DAY],
  ['wk', 7 * DAY],
  ['d', DAY],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
  ['ms', 1],
]);
/** The furthest a time zone is from UTC (±14:00): a date without a time is some day within that of UTC's. */
const ZONE_SLACK = 14 * 3_600_000;

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** An interval of time, `lo` inclusive and `hi` exclusive (ms since the epoch). */
interface Span {
  lo: number;
  hi: number;
  /** Has a time of day (and so a zone): false for a year, month or day. */
  timed: boolean;
}

/** A date, dateTime or instant as the span of time it stands for (a date without a time: the UTC day), or undefined. */
export function dateSpan(text: string): Span | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { lo: Date.UTC(year, 0, 1), hi: Date.UTC(year + 1, 0, 1), timed: false };
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return { lo: Date.UTC(year, month, 1), hi: Date.UTC(year, month + 1, 1), timed: false };
  const day = Number(m[3]);
  if (m[4] === undefined) return { lo: Date.UTC(year, month, day), hi: Date.UTC(year, month, day + 1), timed: false };
  const seconds = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(m[7]);
  let lo = Date.UTC(year, month, day, Number(m[4]), Number(m[5]), seconds) + fraction * 1000;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    lo -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  // to the precision written: a minute without seconds is that whole minute
  const step = m[6] === undefined ? 60_000 : m[7] === undefined ? 1000 : 10 ** (3 - Math.min(3, m[7].length - 1));
  return { lo, hi: lo + step, timed: true };
}

/** A time of day as the span of seconds it stands for, or undefined. */
function timeSpan(text: string): Span | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const lo = (Number(m[1]) * 60 + Number(m[2])) * 60 + (m[3] === undefined ? 0 : Number(m[3])) + (m[4] === undefined ? 0 : Number(m[4]));
  const step = m[3] === undefined ? 60 : m[4] === undefined ? 1 : 10 ** -(m[4].length - 1);
  return { lo, hi: lo + step, timed: false };
}

/**
 * -1 when every moment of `a` is before every moment of `b`, 1 when after, 0 when they overlap (or cannot
 * be told apart: a day without a zone against a time within fourteen hours of it).
 */
function compareSpans(a: Span, b: Span): -1 | 0 | 1 {
  // a day is the UTC day only up to the zone it was meant in
  const slack = a.timed !== b.timed ? ZONE_SLACK : 0;
  if (a.hi + slack <= b.lo) return -1;
  if (a.lo >= b.hi + slack) return 1;
  return 0;
}

const DATE_TYPES = new Set(['date', 'dateTime', 'instant']);
const NUMBER_TYPES = new Set(['decimal', 'integer', 'positiveInt', 'unsignedInt', 'integer64']);

/** A Quantity's number, code and system, when it has a number. */
function quantity(v: unknown): { value: number; code: string | undefined; system: string | undefined } | undefined {
  if (!isObject(v) || typeof v['value'] !== 'number') return undefined;
  const code = typeof v['code'] === 'string' ? v['code'] : undefined;
  const system = typeof v['system'] === 'string' ? v['system'] : undefined;
  return { value: v['value'], code, system };
}

/** A Quantity bound's text for messages: `0 kg`. */
function showQuantity(q: Json): string {
  const unit = typeof q['unit'] === 'string' ? q['unit'] : typeof q['code'] === 'string' ? q['code'] : '';
  return `${String(q['value'])}${unit ? ` ${unit}` : ''}`;
}

/** A duration (a Quantity in a UCUM unit of time) in milliseconds, or undefined. */
function durationMs(bound: unknown): number | undefined {
  const q = quantity(bound);
  const unit = q && (q.code ?? (isObject(bound) && typeof bound['unit'] === 'string' ? bound['unit'] : undefined));
  const per = unit === undefined ? undefined : TIME_UNITS.get(unit);
  if (!q || per === undefined || (q.system !== undefined && q.system !== UCUM)) return undefined;
  return q.value * per;
}

interface Compared {
  /** -1 below the bound, 1 above, 0 within or not told apart. */
  order: -1 | 0 | 1;
  /** The bound as the message shows it. */
  shown: string;
}

/**
 * How a value compares with one bound (`side` says which: a duration bounding a date counts back from now for
 * a minimum, forward for a maximum), or undefined when the two do not compare.
 */
function compare(
  value: unknown,
  type: string,
  bound: { type: string; value: unknown },
  side: 'min' | 'max',
  ucum: UcumUnits,
  now: number,
): Compared | undefined {
  const b = bound.value;
  if (typeof value === 'number' && NUMBER_TYPES.has(type) && typeof b === 'number') {
    return { order: value < b ? -1 : value > b ? 1 : 0, shown: String(b) };
  }
  if (typeof value === 'string' && type === 'time' && typeof b === 'string') {
    const v = timeSpan(value);
    const s = timeSpan(b);
    return v && s ? { order: compareSpans(v, s), shown: b } : undefined;
  }
  if (typeof value === 'string' && DATE_TYPES.has(type)) {
    const v = dateSpan(value);
    if (!v) return undefined;
    if (typeof b === 'string') {
      const s = dateSpan(b);
      return s ? { order: compareSpans(v, s), shown: b } : undefined;
    }
    const ms = durationMs(b);
    if (ms === undefined || !isObject(b)) return undefined;
    const at = side === 'min' ? now - ms : now + ms;
    const shown = `${new Date(at).toISOString().slice(0, 10)} (${side === 'min' ? 'now - ' : 'now + '}${showQuantity(b)})`;
    return { order: compareSpans(v, { lo: at, hi: at + 1, timed: true }), shown };
  }
  if (type === 'Quantity' || bound.type === 'Quantity' || bound.type === 'Duration') {
    const q = quantity(value);
    const s = quantity(b);
    if (!q || !s || !isObject(b)) return undefined;
    let n: number | undefined;
    if (q.system === UCUM && s.system === UCUM && q.code !== undefined && s.code !== undefined) n = ucum.convert(q.value, q.code, s.code);
    else if (q.system === s.system && q.code !== undefined && q.code === s.code) n = q.value;
    if (n === undefined) return undefined;
    return { order: n < s.value ? -1 : n > s.value ? 1 : 0, shown: showQuantity(b) };
  }
  return undefined;
}

/** The value as a message shows it. */
function shownValue(value: unknown): string {
  if (isObject(value)) {
    const q = quantity(value);
    return q ? showQuantity(value) : quoteValue(value);
  }
  return quoteValue(value);
}

/** A value against its element's minValue[x] and maxValue[x]. `now` is the moment durations count from. */
export function checkValueBounds(
  value: unknown,
  node: ElementPlan,
  type: string,
  where: Where,
  sink: IssueSink,
  ucum: UcumUnits,
  now: number = Date.now(),
): void {
  if (node.minValue) {
    const c = compare(value, type, node.minValue, 'min', ucum, now);
    if (c?.order === -1) sink.report('types/min-value', where, { value: shownValue(value), minValue: c.shown }, { node });
  }
  if (node.maxValue) {
    const c = compare(value, type, node.maxValue, 'max', ucum, now);
    if (c?.order === 1) sink.report('types/max-value', where, { value: shownValue(value), maxValue: c.shown }, { node });
  }
}

/** A primitive's text against its element's minLength extension. */
export function checkMinLength(text: string, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (node.minLength !== undefined && text.length < node.minLength) {
    sink.report('types/min-length', where, { value: quoteValue(text), minLength: node.minLength, length: text.length }, { node });
  }
}

/**
 * A primitive given with extensions but no value, against R5's mustHaveValue (a value is required) and
 * valueAlternatives (only the extensions listed may stand in for the value).
 */
export function checkValuePresence(value: unknown, twin: unknown, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (value !== undefined && value !== null) return;
  if (node.mustHaveValue) {
    sink.report('types/value-missing', where, {}, { node });
    return;
  }
  const allowed = node.valueAlternatives;
  if (!allowed || !isObject(twin)) return;
  const extensions = Array.isArray(twin['extension']) ? (twin['extension'] as unknown[]) : [];
  const urls = extensions.map((x) => (isObject(x) && typeof x['url'] === 'string' ? x['url'] : undefined)).filter((u) => u !== undefined);
  if (!urls.some((u) => allowed.includes(u))) {
    sink.report('types/value-alternative', where, { alternatives: allowed.join(', ') }, { node });
  }
}
