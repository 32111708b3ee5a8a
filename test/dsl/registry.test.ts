import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registryInputs } from '../../src/api/registry-inputs.js';
import { BaseR4Source } from '../../src/defs/base-r4.js';
import { baseStructures, renderRegistry } from '../../src/dsl/codegen.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the generated path registry', () => {
  it('is up to date with the base definitions and the compiled profiles (run `npm run gen:types`)', async () => {
    const base = new BaseR4Source();
    const { profiles, resolverFor } = await registryInputs(base);
    const expected = renderRegistry(baseStructures(base), profiles, resolverFor);
    const actual = readFileSync(join(root, 'src', 'dsl', 'generated', 'registry.ts'), 'utf8');
    expect(actual === expected, 'src/dsl/generated/registry.ts is stale: run `npm run compile && npm run gen:types`').toBe(true);
    expect(profiles.length).toBeGreaterThanOrEqual(50);
  });
});
