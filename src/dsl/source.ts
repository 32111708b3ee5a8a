import { fileURLToPath } from 'node:url';
import type { SourceInfo } from '../ir/types.js';

const FRAME = /\(?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?\s*$/;

/**
 * The location of the code that called a `define*` function: the first stack frame outside
 * `src/dsl/`. With source maps enabled (the CLI enables them) this is the profiles/*.ts line.
 */
export function callerSource(): SourceInfo {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    let file = m[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (/[/\\]src[/\\]dsl[/\\]/.test(file) || file.includes('node:internal')) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return { file: '<unknown>', line: 0, column: 0 };
}

export function withKey(source: SourceInfo, key: string): SourceInfo {
  return { ...source, key };
}
