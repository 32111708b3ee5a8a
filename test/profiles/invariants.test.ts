import { describe, expect, it } from 'vitest';
import { igPackages } from '../../src/api/packages.js';
import type { InvariantIR } from '../../src/ir/types.js';

describe('every invariant authored in the IG carries evidence the build evaluates', async () => {
  const invariants = new Map<string, InvariantIR>();
  for (const p of await igPackages()) {
    for (const r of p.resources) {
      if (r.resourceType !== 'StructureDefinition') continue;
      for (const rule of r.rules) for (const c of rule.constraints ?? []) invariants.set(`${p.id}#${p.version} ${c.key}`, c);
    }
  }

  it('finds the chain’s invariants', () => {
    expect(invariants.size).toBeGreaterThanOrEqual(18);
  });

  it.each([...invariants])('%s has pass examples and fail examples (or a declared quirk with values it should reject)', (_key, inv) => {
    expect(inv.examples?.pass.length ?? 0).toBeGreaterThan(0);
    const failing = (inv.examples?.fail.length ?? 0) + (inv.quirk?.shouldFail.length ?? 0);
    expect(failing).toBeGreaterThan(0);
    expect(inv.examples?.focusType).toBeTruthy();
  });
});
