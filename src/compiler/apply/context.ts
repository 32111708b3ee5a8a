import type { Resolver } from '../../defs/registry.js';
import type { ElementRuleIR } from '../../ir/types.js';
import type { Diagnostics, CompileDiagnosticId } from '../diagnostics.js';
import type { ED, ElementList } from '../element-list.js';
import type { SnapshotRules } from '../snapshot-rules.js';

/** What every rule applier gets: the element, its rule, and the build's collaborators. */
export interface ApplyContext {
  list: ElementList;
  /** Index of the element in the list. */
  index: number;
  el: ED;
  rule: ElementRuleIR;
  sdUrl: string;
  resolver: Resolver;
  diagnostics: Diagnostics;
  rules: SnapshotRules;
  report(id: CompileDiagnosticId, message: string): void;
}
