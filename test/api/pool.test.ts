/**
 * Directory runs across worker threads give the same report as one thread, in file order.
 * (The workers run the compiled dist/src/api/validate-worker.js: npm run compile first.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount, workerScript } from '../../src/api/pool.js';
import { validateFiles } from '../../src/api/validate.js';

const root = join(import.meta.dirname, '..', '..');
const examples = join(root, 'examples', 'conditionlist');

describe('worker threads for directory runs', () => {
  it('find the compiled worker', () => {
    const script = workerScript();
    expect(script && existsSync(script)).toBe(true);
  });

  it('are used for larger runs only, one per core at most', () => {
    const MB = 1024 * 1024;
    expect(workerCount(3, 10 * MB)).toBe(1);
    expect(workerCount(1, 500 * MB)).toBe(1);
    expect(workerCount(1000, 30 * MB)).toBe(1);
    expect(workerCount(5000, 400 * MB)).toBeGreaterThanOrEqual(1);
    expect(workerCount(5000, 400 * MB)).toBeLessThanOrEqual(8);
    expect(workerCount(5, 0, 4)).toBe(4);
    expect(workerCount(2, 0, 4)).toBe(2);
    expect(workerCount(50, 400 * MB, 1)).toBe(1);
  });

  it('give the report one thread gives, in file order', async () => {
    const progress: number[] = [];
    const [one, two] = await Promise.all([
      validateFiles({ inputs: [examples], ig: 'conditionlist', workers: 1 }),
      validateFiles({ inputs: [examples], ig: 'conditionlist', workers: 3, onFile: (done) => progress.push(done) }),
    ]);
    expect(one.files.length).toBeGreaterThan(30);
    expect(two).toEqual(one);
    expect(progress).toEqual(one.files.map((_, k) => k + 1));
  }, 60_000);

  it('report a package that cannot be loaded as a usage error', async () => {
    await expect(validateFiles({ inputs: [examples], packages: [join(root, 'no-such-package')], workers: 2 })).rejects.toThrow(
      /no-such-package/,
    );
  });
});
