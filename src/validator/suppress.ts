import type { RuleId } from './rules/registry.js';

/**
 * Findings a run deliberately does not report, the way MedCom's own builds list errors to ignore
 * (`sushi-ignoreErrors.txt`, the IG Publisher's ignoreWarnings). A suppression is
 * `<rule id>[@<FHIRPath>]`, where `*` in either part matches any run of characters:
 * `cardinality/min@*.text` drops the missing-narrative findings of every resource.
 *
 * A suppressed finding also does not count when the validator decides whether a resource conforms
 * to a profile (a reference's target profile, a profile discriminator), so one deliberate omission
 * does not come back as a cascade of reference and slice findings. Reports state how many findings
 * were suppressed: nothing disappears silently.
 */
export class Suppressions {
  private readonly patterns: { rule: RegExp; path: RegExp | undefined; spec: string }[];

  constructor(readonly specs: readonly string[]) {
    this.patterns = specs.map((spec) => {
      const at = spec.indexOf('@');
      const rule = at < 0 ? spec : spec.slice(0, at);
      const path = at < 0 ? undefined : spec.slice(at + 1);
      if (!/^[a-z*][a-z0-9*-]*(\/[a-z0-9*-]+)?$/.test(rule) || path === '') {
        throw new SuppressionError(spec);
      }
      return { rule: glob(rule), path: path === undefined ? undefined : glob(path), spec };
    });
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Is a finding of `ruleId` at `fhirPath` suppressed? */
  matches(ruleId: RuleId, fhirPath: string): boolean {
    for (const p of this.patterns) {
      if (p.rule.test(ruleId) && (p.path === undefined || p.path.test(fhirPath))) return true;
    }
    return false;
  }
}

export class SuppressionError extends Error {
  constructor(readonly spec: string) {
    super(`invalid suppression '${spec}': expected <rule id>[@<FHIRPath>], e.g. cardinality/min@*.text`);
  }
}

function glob(text: string): RegExp {
  return new RegExp(
    `^${text
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}
