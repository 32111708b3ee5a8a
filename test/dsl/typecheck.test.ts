import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function typecheck(file: string): { line: number; message: string }[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ({
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}

describe('element paths and slice names are checked by tsc against the parent snapshot', () => {
  it('fails exactly on the typos in the fixture', () => {
    const file = join(here, 'fixtures', 'typos.ts');
    const expected = readFileSync(file, 'utf8')
      .split('\n')
      .map((text, i) => ({ line: i + 1, needle: /\/\/ expect-error: (.+)$/.exec(text)?.[1] }))
      .filter((x): x is { line: number; needle: string } => x.needle !== undefined);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const diagnostics = typecheck(file);
    for (const e of expected) {
      const hit = diagnostics.filter((d) => d.line === e.line);
      expect(hit.map((d) => d.message).join(' | '), `line ${e.line}`).toContain(e.needle);
    }
    const unexpected = diagnostics.filter((d) => !expected.some((e) => e.line === d.line));
    expect(unexpected).toEqual([]);
  }, 120_000);
});
