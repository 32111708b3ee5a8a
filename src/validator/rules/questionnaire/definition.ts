/**
 * A Questionnaire checked as such (the resource itself, not a response to it): its enableWhen
 * conditions are well formed — an item with more than one condition says how they combine
 * (enableBehavior), and no condition is on the item itself or on an item nested inside it.
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';

const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The linkIds of the items below `item` (at any depth), not its own. */
function innerLinkIds(item: Json, into: Set<string>): Set<string> {
  for (const c of objects(item['item'])) {
    if (typeof c['linkId'] === 'string') into.add(c['linkId']);
    innerLinkIds(c, into);
  }
  return into;
}

function checkItems(items: unknown, parent: Where, sink: IssueSink): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const w = child(parent, 'item', i);
    const linkId = typeof item['linkId'] === 'string' ? item['linkId'] : undefined;
    const conditions = objects(item['enableWhen']);
    // que-12 says "more than one enableWhen", but R4 publishes it as `enableWhen.count() > 2`: the published
    // invariant catches three or more; two without enableBehavior are this rule's (the HL7 validator's too)
    if (conditions.length === 2 && item['enableBehavior'] === undefined && linkId !== undefined) {
      sink.report('questionnaire/enablebehavior-missing', w, { linkId, count: conditions.length });
    }
    if (conditions.length > 0 && linkId !== undefined) {
      const inner = innerLinkIds(item, new Set());
      for (const c of conditions) {
        const question = c['question'];
        if (typeof question !== 'string') continue;
        if (question === linkId || inner.has(question)) {
          sink.report('questionnaire/enablewhen-inner', w, { linkId, question });
          break;
        }
      }
    }
    checkItems(item['item'], w, sink);
  });
}

/** Check a Questionnaire's items (at `where`). */
export function checkQuestionnaire(q: Json, where: Where, sink: IssueSink): void {
  checkItems(q['item'], where, sink);
}
