import type { IssueSink, WalkContext, Where } from '../../context.js';
import type { FhirModel } from '../../model.js';
import type { ElementPlan } from '../../plan/plan.js';
import { quoteValue } from '../../../util/text.js';
import { base64Length } from './attachment.js';
import { checkMinLength } from './bounds.js';

export type JsonKind = 'boolean' | 'number' | 'integer' | 'string';

const NUMBER_TYPES = new Set(['decimal']);
const INTEGER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt']);

/** The JSON kind FHIR JSON uses for a primitive type. */
export function jsonKind(type: string): JsonKind {
  if (type === 'boolean') return 'boolean';
  if (INTEGER_TYPES.has(type)) return 'integer';
  if (NUMBER_TYPES.has(type)) return 'number';
  return 'string';
}

/** base64: groups of four characters from the alphabet (padding at the end), whitespace allowed. */
function isBase64(text: string): boolean {
  return base64Length(text) !== undefined;
}

/**
 * The form a vendor should write, per primitive type, for messages: a notation (the same in every
 * language) and an example. Where no notation reads better than the R4 regular expression, the
 * expression is the form (`expected()`); the example is given all the same.
 */
const FORMS: ReadonlyMap<string, { format?: string; example?: string }> = new Map(
  Object.entries({
    date: { format: 'YYYY-MM-DD', example: '2023-09-13' },
    dateTime: { format: 'YYYY-MM-DDThh:mm:ss+zz:zz', example: '2023-09-13T09:24:00+02:00' },
    instant: { format: 'YYYY-MM-DDThh:mm:ss+zz:zz', example: '2023-09-13T07:24:00Z' },
    time: { format: 'hh:mm:ss', example: '09:24:00' },
    decimal: { example: '37.5' },
    integer: { format: '-2147483648 … 2147483647', example: '42' },
    positiveInt: { format: '1 … 2147483647', example: '1' },
    unsignedInt: { format: '0 … 2147483647', example: '0' },
    boolean: { format: 'true | false', example: 'true' },
    uri: { example: 'http://medcomfhir.dk/ig/core' },
    url: { example: 'https://medcomfhir.dk/ig/core/' },
    canonical: { example: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient' },
    id: { example: 'b5d3f1e2-0c4a-4d47-9b9e-2f7c1a6d8e90' },
    oid: { format: 'urn:oid:n.n.n…', example: 'urn:oid:1.2.208.176.1.2' },
    uuid: { format: 'urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', example: 'urn:uuid:b5d3f1e2-0c4a-4d47-9b9e-2f7c1a6d8e90' },
    code: { example: 'final' },
    base64Binary: { format: 'base64 (A-Z a-z 0-9 + / =)', example: 'SGVqIHZlcmRlbg==' },
    string: { format: '1 … 1048576 × [ \\r\\n\\t\\S]' },
    markdown: { format: '1 … 1048576 × [ \\r\\n\\t\\S]' },
    xhtml: { format: '<div xmlns="http://www.w3.org/1999/xhtml">…</div>' },
  }),
);

const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function validCalendarDate(text: string): boolean {
  const m = DATE_PART.exec(text);
  if (!m || m[3] === undefined) return true;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days =
    [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Primitive value checks per the R4 regexes, read from the base primitive type definitions
 * (`<type>.value` carries them in the `regex` extension), plus what a regex cannot say: calendar
 * dates (no 30 February), 32-bit integer ranges, string length.
 */
export class PrimitiveChecker {
  private readonly regexes = new Map<string, RegExp | null>();

  constructor(private readonly model: FhirModel) {}

  private regex(type: string): RegExp | undefined {
    let r = this.regexes.get(type);
    if (r === undefined) {
      const sd = this.model.structure(type);
      const value = sd?.snapshot?.element.find((e) => e.path === `${type}.value`);
      const ext = value?.type?.[0]?.extension?.find((x) => x.url === 'http://hl7.org/fhir/StructureDefinition/regex');
      r = ext?.valueString ? new RegExp(`^(?:${ext.valueString})$`, 'u') : null;
      this.regexes.set(type, r);
    }
    return r ?? undefined;
  }

  /**
   * The expected form of a type, for messages: the R4 regular expression where that is the check,
   * else a short notation (the same in every language).
   */
  expected(type: string): string {
    const fixed = FORMS.get(type)?.format;
    if (fixed) return fixed;
    const re = this.regex(type);
    return re ? re.source.slice(4, -2) : type;
  }

  /** A valid value of the type, for messages (`2023-09-13T09:24:00+02:00` for dateTime); undefined for types without one. */
  example(type: string): string | undefined {
    return FORMS.get(type)?.example;
  }

  /** Is the JSON value of the right kind? */
  kindOk(type: string, value: unknown): boolean {
    switch (jsonKind(type)) {
      case 'boolean':
        return typeof value === 'boolean';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      default:
        return typeof value === 'string';
    }
  }

  /** Does the value's lexical form match the type? `text` is the literal (numbers as written). */
  formatOk(type: string, text: string): boolean {
    if (type === 'xhtml') return text.trim().startsWith('<div');
    // the R4 regexes for these backtrack on very long values (attachments of many MB): check by hand
    if (type === 'base64Binary') return isBase64(text);
    // [ \r\n\t\S]+ : not empty, and no whitespace other than space, CR, LF and tab
    if (type === 'string' || type === 'markdown') return text.length > 0 && text.length <= 1048576 && !/[^\S \r\n\t]/.test(text);
    const re = this.regex(type);
    if (re && !re.test(text)) return false;
    if (type === 'date' || type === 'dateTime' || type === 'instant') return validCalendarDate(text);
    if (type === 'integer') return Number(text) >= -2147483648 && Number(text) <= 2147483647;
    if (type === 'positiveInt' || type === 'unsignedInt') return Number(text) <= 2147483647;
    if ((type === 'string' || type === 'markdown') && text.length > 1048576) return false;
    return true;
  }
}

/**
 * A primitive value of the right JSON kind: its lexical form (`types/primitive-format`, numbers as
 * written in the document) and its length (`types/max-length`, `types/min-length`).
 */
export function checkPrimitive(
  value: unknown,
  type: string,
  node: ElementPlan,
  where: Where,
  sink: IssueSink,
  primitives: PrimitiveChecker,
  ctx: WalkContext,
): void {
  const text = typeof value === 'number' ? ctx.numberText(where, value) : String(value);
  if (!primitives.formatOk(type, text)) {
    const example = primitives.example(type);
    sink.report(
      'types/primitive-format',
      where,
      { value: quoteValue(text), fhirType: type, format: primitives.expected(type), ...(example !== undefined ? { example } : {}) },
      { node },
    );
  }
  if (node.maxLength !== undefined && text.length > node.maxLength) {
    sink.report('types/max-length', where, { value: quoteValue(text), maxLength: node.maxLength, length: text.length }, { node });
  }
  if (node.minLength !== undefined) checkMinLength(text, node, where, sink);
}
