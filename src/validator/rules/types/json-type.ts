import type { IssueSink, Json, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { isObject } from '../../../util/json.js';
import { quoteValue } from '../../../util/text.js';
import type { PrimitiveChecker } from './primitive.js';

type Place = Pick<Where, 'jsonPath' | 'fhirPath'>;

/** A resource or complex element is a JSON object; false after reporting `types/json-type`. */
export function isJsonObject(value: unknown, fhirType: string, where: Place, sink: IssueSink, node?: ElementPlan): value is Json {
  if (isObject(value)) return true;
  sink.report('types/json-type', where, { value: quoteValue(value), expected: 'object', fhirType }, node ? { node } : {});
  return false;
}

const INTEGER_TYPES = ['integer', 'positiveInt', 'unsignedInt'];

/** A primitive's value is of the JSON kind its type takes; false after reporting `types/json-type`. */
export function isJsonKind(
  value: unknown,
  type: string,
  where: Place,
  sink: IssueSink,
  node: ElementPlan,
  primitives: PrimitiveChecker,
): boolean {
  if (primitives.kindOk(type, value)) return true;
  // the JSON kind the type takes, named as JSON names it (the same in every language); the value quoted shows what was found
  const expected = type === 'boolean' ? 'boolean' : INTEGER_TYPES.includes(type) ? 'integer' : type === 'decimal' ? 'number' : 'string';
  sink.report('types/json-type', where, { value: quoteValue(value), expected, fhirType: type }, { node });
  return false;
}
