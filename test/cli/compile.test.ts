/**
 * `npm run compile` with a wrong profile exits non-zero and prints the build's diagnostic, located in
 * profiles/*.ts (it used to send the build's output to /dev/null: exit 1 and nothing on screen).
 *
 * Run in a temporary copy, never on profiles/ in place: the copy has the compiled CLI (dist/), its
 * launcher, package.json and the profile sources; one profile widens a cardinality
 * (ConditionList's onsetDateTime 0..1 → 0..*, onset[x] is 0..1 in R4), written the same in the .ts and
 * in its compiled .js (same length, so the source map still holds). The compile script runs there
 * as package.json has it, without its tsc step (tsc would emit the same .js).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-compile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PROFILE = join('medcom-conditionlist', '1.0.1', 'profiles');
/** ConditionList's onsetDateTime cardinality, however the source and the compiled module lay it out. */
const RIGHT = /(onsetDateTime: \{\s*card: ')0\.\.1'/g;

/** Replace the one occurrence of RIGHT in a file: 0..1 becomes 0..*. */
function widen(file: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text.match(RIGHT), file).toHaveLength(1);
  writeFileSync(file, text.replace(RIGHT, "$10..*'"));
}

describe('npm run compile with a wrong profile', () => {
  it('exits non-zero and prints the diagnostic with its profiles/*.ts location', () => {
    // the prebuilt packages (dist/ig) are what the script writes: left out of the copy
    const prebuilt = join(root, 'dist', 'ig');
    cpSync(join(root, 'dist'), join(tmp, 'dist'), {
      recursive: true,
      filter: (src) => src !== prebuilt && !src.startsWith(prebuilt + sep),
    });
    for (const f of ['bin', 'profiles']) cpSync(join(root, f), join(tmp, f), { recursive: true });
    cpSync(join(root, 'package.json'), join(tmp, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    widen(join(tmp, 'profiles', `${PROFILE}.ts`));
    widen(join(tmp, 'dist', 'profiles', `${PROFILE}.js`));

    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const steps = scripts['compile']!.split(' && ');
    expect(steps[0]).toMatch(/^tsc /);
    const r = spawnSync('sh', ['-c', steps.slice(1).join(' && ')], { cwd: tmp, encoding: 'utf8', timeout: 300_000 });

    expect(r.status, r.stderr).not.toBe(0);
    // the line of the element whose cardinality widens (`onsetDateTime: {`, its `card` on the next line)
    const lines = readFileSync(join(tmp, 'profiles', `${PROFILE}.ts`), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('onsetDateTime: {')) + 1;
    expect(lines[line], 'the widened card under the element').toContain("card: '0..*'");
    const at = `${join('profiles', PROFILE)}.ts:${line}:`;
    const diagnostic = r.stderr.split('\n').find((l) => l.includes('compile/widening-cardinality'));
    expect(diagnostic, r.stderr).toBeDefined();
    expect(diagnostic!.startsWith(at), `${diagnostic} starts with ${at}`).toBe(true);
    expect(diagnostic).toMatch(/\berror\b/);
    // only errors: the reproduced invariant quirks (warnings) are not repeated on every compile
    expect(r.stderr).not.toContain('compile/invariant-quirk');
  });
});
