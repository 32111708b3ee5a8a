/**
 * Reading a V8 `.cpuprofile` (what `node --cpu-prof` writes): the functions with the most self time and the most
 * inclusive time. Our own reader of the format: `nodes` (id, callFrame, children), `samples` (a node id per sample)
 * and `timeDeltas` (microseconds before each sample).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  /** `name (file:line:column)`, or V8's own entries as they are: `(garbage collector)`, `(program)`, `(idle)` */
  fn: string;
  /** milliseconds */
  selfMs: number;
  /** milliseconds with everything it called (a function on the stack more than once counts once per sample) */
  totalMs: number;
  selfPct: number;
  totalPct: number;
}

export interface CpuSummary {
  /** sampled milliseconds (endTime − startTime of each profile, summed) */
  totalMs: number;
  samples: number;
  /** by self time, highest first */
  bySelf: FunctionCost[];
  /** by inclusive time, highest first; `(root)` left out */
  byTotal: FunctionCost[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A parsed `.cpuprofile`, or an error saying what is missing. */
export function asCpuProfile(v: unknown): CpuProfile {
  if (!isRecord(v) || !Array.isArray(v['nodes']) || typeof v['startTime'] !== 'number' || typeof v['endTime'] !== 'number')
    throw new Error('not a .cpuprofile: expected nodes, startTime and endTime');
  for (const n of v['nodes'] as unknown[]) {
    if (!isRecord(n) || typeof n['id'] !== 'number' || !isRecord(n['callFrame']))
      throw new Error('not a .cpuprofile: a node without id or callFrame');
  }
  return v as unknown as CpuProfile;
}

/** How a call frame is shown: V8's own entries (`(program)`, …) as they are; a function with its file made relative to `base`. */
export function frameLabel(f: CallFrame, base?: string): string {
  const name = f.functionName || '(anonymous)';
  if (f.url === '') return name;
  let file = f.url;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      // keep the URL as it is
    }
  }
  if (base !== undefined && file.startsWith('/')) file = relative(base, file);
  // lineNumber and columnNumber are 0-based in the format
  return `${name} (${file}:${f.lineNumber + 1}:${f.columnNumber + 1})`;
}

/**
 * Self and inclusive time per function over one or more profiles (call frames with the same label are one function;
 * several profiles, e.g. one per process of a run, add up). Each sample weighs the time until the next sample (the
 * last one: until its profile's end), as Chrome's profiler counts it.
 */
export function summarizeProfiles(profiles: readonly CpuProfile[], top = 10, base?: string): CpuSummary {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  let sampleCount = 0;
  for (const profile of profiles) {
    const byId = new Map<number, CpuProfileNode>();
    const parent = new Map<number, number>();
    for (const n of profile.nodes) {
      byId.set(n.id, n);
      for (const c of n.children ?? []) parent.set(c, n.id);
    }
    const labels = new Map<number, string>();
    const label = (id: number): string => {
      let l = labels.get(id);
      if (l === undefined) {
        const n = byId.get(id);
        l = n ? frameLabel(n.callFrame, base) : `(unknown node ${id})`;
        labels.set(id, l);
      }
      return l;
    };
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let at = profile.startTime;
    const stamps = samples.map((_, i) => (at += deltas[i] ?? 0));
    for (let i = 0; i < samples.length; i++) {
      const next = i + 1 < samples.length ? stamps[i + 1]! : Math.max(profile.endTime, stamps[i]!);
      const us = Math.max(0, next - stamps[i]!);
      const id = samples[i]!;
      const own = label(id);
      self.set(own, (self.get(own) ?? 0) + us);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const l = label(cur);
        if (l === '(root)' || seen.has(l)) continue;
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + us);
      }
    }
    totalUs += Math.max(0, profile.endTime - profile.startTime);
    sampleCount += samples.length;
  }
  const cost = (fn: string): FunctionCost => {
    const s = self.get(fn) ?? 0;
    const t = total.get(fn) ?? 0;
    return {
      fn,
      selfMs: s / 1000,
      totalMs: t / 1000,
      selfPct: totalUs > 0 ? (s / totalUs) * 100 : 0,
      totalPct: totalUs > 0 ? (t / totalUs) * 100 : 0,
    };
  };
  const order = (m: Map<string, number>): FunctionCost[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, top)
      .map(([fn]) => cost(fn));
  return { totalMs: totalUs / 1000, samples: sampleCount, bySelf: order(self), byTotal: order(total) };
}

/** The two tables as text (markdown-compatible: `| … |` rows), self time first. */
export function renderCpuSummary(s: CpuSummary): string {
  const ms = (x: number): string => x.toFixed(1);
  const pct = (x: number): string => `${x.toFixed(1)} %`;
  const esc = (x: string): string => x.replace(/\|/g, '\\|');
  const lines = [
    `${s.samples} samples over ${ms(s.totalMs)} ms`,
    '',
    `Top ${s.bySelf.length} by self time:`,
    '',
    '| # | function | self ms | self | total ms |',
    '| ---: | --- | ---: | ---: | ---: |',
  ];
  s.bySelf.forEach((c, i) => lines.push(`| ${i + 1} | ${esc(c.fn)} | ${ms(c.selfMs)} | ${pct(c.selfPct)} | ${ms(c.totalMs)} |`));
  lines.push(
    '',
    `Top ${s.byTotal.length} by inclusive time:`,
    '',
    '| # | function | total ms | total | self ms |',
    '| ---: | --- | ---: | ---: | ---: |',
  );
  s.byTotal.forEach((c, i) => lines.push(`| ${i + 1} | ${esc(c.fn)} | ${ms(c.totalMs)} | ${pct(c.totalPct)} | ${ms(c.selfMs)} |`));
  return lines.join('\n');
}
