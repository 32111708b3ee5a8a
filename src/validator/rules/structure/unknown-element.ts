import { child, type IssueSink, type Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';

/** A JSON property `key` of an element (`node`, of type `typeCode`) that its definition does not have. */
export function reportUnknownElement(key: string, where: Where, node: ElementPlan, typeCode: string, sink: IssueSink): void {
  const type = node.id === node.path && node.id === typeCode ? typeCode : `${node.path} (${typeCode})`;
  sink.report('structure/unknown-element', child(where, key), { name: key, type }, { node });
}
