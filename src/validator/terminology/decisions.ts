import type { CodeCheck, TerminologyService, ValueSetDescription } from './types.js';

/**
 * A terminology service that remembers, per document, which codes a value set decided to be in it
 * (bindings, slice discriminators, memberOf()) and which codes the profiles name (fixed and pattern
 * Codings, noted by the walk): such a code is vouched for by a value set that lists it or by the
 * profile, so it is not reported as unchecked (rules/terminology/codings.ts). The validator calls
 * `reset()` before each document.
 */
export class DecisionLog implements TerminologyService {
  private readonly inValueSet = new Set<string>();

  constructor(readonly inner: TerminologyService) {}

  check(valueSet: string, system: string | undefined, code: string): CodeCheck {
    const r = this.inner.check(valueSet, system, code);
    // a `code` checked without a system was found in one code system of the value set
    const found = system ?? r.system;
    if (r.result === 'in' && found !== undefined) this.inValueSet.add(`${found}\u0000${code}`);
    return r;
  }

  checkCodeSystem(system: string, code: string): CodeCheck {
    return this.inner.checkCodeSystem(system, code);
  }

  isLoaded(system: string): boolean {
    return this.inner.isLoaded(system);
  }

  /** The inner service's description of a value set (the codes a binding message lists). */
  describe(valueSet: string): ValueSetDescription {
    return this.inner.describe?.(valueSet) ?? {};
  }

  /** Did a value set decide that `system#code` is in it, since the last reset? */
  foundInValueSet(system: string, code: string): boolean {
    return this.inValueSet.has(`${system}\u0000${code}`);
  }

  /** A code the profile itself names (a fixed or pattern Coding): known, whatever its code system. */
  vouch(system: string, code: string): void {
    this.inValueSet.add(`${system}\u0000${code}`);
  }

  reset(): void {
    this.inValueSet.clear();
  }
}
