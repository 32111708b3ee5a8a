import { readFileSync } from 'node:fs';
import type { SourceInfo } from '../ir/types.js';

/** Stable ids of compiler diagnostics; each has a page in docs/compiler/. */
export const COMPILE_DIAGNOSTICS = {
  'compile/unknown-path': 'error',
  'compile/unknown-slice': 'error',
  'compile/widening-cardinality': 'error',
  'compile/invalid-cardinality': 'error',
  'compile/type-not-in-parent': 'error',
  'compile/unresolved-canonical': 'error',
  'compile/binding-weakened': 'error',
  'compile/fixed-conflict': 'error',
  'compile/slicing-missing': 'error',
  'compile/invariant-parse': 'error',
  'compile/invariant-example': 'error',
  'compile/invariant-quirk': 'warning',
  'compile/unfoldable': 'error',
  'compile/duplicate-resource': 'error',
  'compile/invalid-value': 'error',
} as const;

export type CompileDiagnosticId = keyof typeof COMPILE_DIAGNOSTICS;
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  id: CompileDiagnosticId;
  severity: DiagnosticSeverity;
  message: string;
  /** The resource (canonical url) being compiled. */
  resource?: string;
  source?: SourceInfo;
}

/** Collects diagnostics for one build; passed explicitly, never global. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  /** Source files read to sharpen locations, by path (this build's). */
  private readonly sources = new Map<string, string[]>();

  report(
    id: CompileDiagnosticId,
    message: string,
    where: { resource?: string; source?: SourceInfo } = {},
    severity: DiagnosticSeverity = COMPILE_DIAGNOSTICS[id],
  ): void {
    const d: Diagnostic = { id, severity, message };
    if (where.resource !== undefined) d.resource = where.resource;
    if (where.source !== undefined) d.source = locate(where.source, this.sources);
    this.items.push(d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/**
 * Sharpen a source location that points at a `define*` call to the line of the element key the
 * rule came from (the first line at or after the call that names the key as a property).
 */
export function locate(source: SourceInfo, fileCache: Map<string, string[]> = new Map()): SourceInfo {
  if (source.key === undefined) return source;
  let lines = fileCache.get(source.file);
  if (!lines) {
    try {
      lines = readFileSync(source.file, 'utf8').split('\n');
    } catch {
      return source;
    }
    fileCache.set(source.file, lines);
  }
  const key = source.key;
  const tail = key.includes('.') || key.includes('[') ? key : undefined;
  const needles = [`'${key}'`, `"${key}"`, `${key}:`];
  if (tail) {
    // nested keys are written relative to their slice: look for the last segment too
    const last = key.split('.').pop() ?? key;
    needles.push(`'${last}'`, `"${last}"`);
  }
  for (let i = Math.max(0, source.line - 1); i < lines.length; i++) {
    const text = lines[i] ?? '';
    for (const n of needles) {
      const col = text.indexOf(n);
      if (col >= 0) return { ...source, line: i + 1, column: col + 1 };
    }
  }
  return source;
}

export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const where = d.source ? `${relative(cwd, d.source.file)}:${d.source.line}:${d.source.column}` : (d.resource ?? '');
  return `${where}  ${d.severity}  ${d.id}  ${d.message}`;
}

function relative(cwd: string, file: string): string {
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}
