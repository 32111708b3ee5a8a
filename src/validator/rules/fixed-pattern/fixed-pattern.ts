import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';

/** fixed[x]: deep equality (numbers compared as numbers, arrays item by item). */
export function equalsFixed(value: unknown, fixed: unknown): boolean {
  if (Array.isArray(fixed)) {
    return Array.isArray(value) && value.length === fixed.length && fixed.every((f, i) => equalsFixed(value[i], f));
  }
  if (fixed && typeof fixed === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const a = value as Record<string, unknown>;
    const b = fixed as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!equalsFixed(a[k], b[k])) return false;
    return true;
  }
  return value === fixed;
}

/** pattern[x]: everything in the pattern is in the value (arrays: each pattern item matches some value item). */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return false;
    return pattern.every((p) => value.some((v) => matchesPattern(v, p)));
  }
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([k, p]) => matchesPattern((value as Record<string, unknown>)[k], p));
  }
  return value === pattern;
}

/** A short rendering of an expected value for messages. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 197) + '…' : s;
}

/** A value against the element's fixed[x] (exactly) and pattern[x] (contains). */
export function checkFixedPattern(value: unknown, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (node.fixed && !equalsFixed(value, node.fixed.value)) {
    sink.report('fixed-pattern/fixed-mismatch', where, { expected: show(node.fixed.value) }, { node });
  }
  if (node.pattern && !matchesPattern(value, node.pattern.value)) {
    sink.report('fixed-pattern/pattern-mismatch', where, { expected: show(node.pattern.value) }, { node });
  }
}
