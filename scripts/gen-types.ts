/**
 * Regenerate src/dsl/generated/registry.ts: the element maps that make profile paths type-checked.
 * `--base-only` writes the base R4 part only (bootstrap, before any profile compiles).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { BaseR4Source } from '../src/defs/base-r4.js';
import { baseStructures, renderRegistry } from '../src/dsl/codegen.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'src', 'dsl', 'generated', 'registry.ts');

async function main(): Promise<void> {
  const base = new BaseR4Source();
  const structures = baseStructures(base);
  if (process.argv.includes('--base-only')) {
    writeFileSync(
      target,
      renderRegistry(structures, [], () => undefined),
    );
    console.log(`wrote ${target} (base R4 only)`);
    return;
  }
  const { registryInputs } = await import('../src/api/registry-inputs.js');
  const { profiles, resolverFor } = await registryInputs(base);
  writeFileSync(target, renderRegistry(structures, profiles, resolverFor));
  console.log(`wrote ${target} (${structures.length} base structures, ${profiles.length} profiles)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
