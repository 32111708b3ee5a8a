/**
 * A green run cannot hide missing tests: under CI a missing shared folder or Chromium fails the run
 * with one line naming it; locally the run passes and says what was not run and how many tests were
 * skipped. Each case runs vitest on this file in a child process (where the file's own test is skipped).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const self = fileURLToPath(import.meta.url);
const CHILD = 'MEDCOM_IG_REQUIREMENTS_CHILD';

function vitest(env: Record<string, string | undefined>): { status: number | null; stderr: string } {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('VITEST') && k !== 'CI' && k !== 'MEDCOM_SHARED' && k !== 'MEDCOM_IG_CHROMIUM',
    ),
  );
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', self], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...base, ...env, [CHILD]: '1' },
  });
  return { status: r.status, stderr: r.stderr };
}

const lines = (text: string, needle: string): string[] => text.split('\n').filter((l) => l.includes(needle));

describe.skipIf(process.env[CHILD] !== undefined)('tests that need ../shared or Chromium', () => {
  it('CI=true with MEDCOM_SHARED pointing nowhere: exit 1, one line naming the folder', () => {
    const r = vitest({ CI: 'true', MEDCOM_SHARED: '/nonexistent-medcom-shared' });
    expect(r.status, r.stderr).toBe(1);
    expect(lines(r.stderr, '/nonexistent-medcom-shared')).toHaveLength(1);
    expect(lines(r.stderr, 'CI:')).toHaveLength(1);
  });

  it('CI=true without Chromium (MEDCOM_IG_CHROMIUM pointing nowhere): exit 1, one line naming it', () => {
    const r = vitest({ CI: 'true', MEDCOM_IG_CHROMIUM: '/nonexistent/chromium' });
    expect(r.status, r.stderr).toBe(1);
    expect(lines(r.stderr, '/nonexistent/chromium')).toHaveLength(1);
    expect(lines(r.stderr, 'CI:')).toHaveLength(1);
  });

  it('locally (CI unset) the run passes and says what was not run and how many tests were skipped', () => {
    const r = vitest({ MEDCOM_SHARED: '/nonexistent-medcom-shared' });
    expect(r.status, r.stderr).toBe(0);
    const said = lines(r.stderr, 'NOT RUN:');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('/nonexistent-medcom-shared');
    expect(said[0]).toMatch(/\b3 of 3 tests skipped/);
  });
});
