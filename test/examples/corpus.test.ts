/**
 * Our example corpus (examples/, manifest examples/corpus.json): valid bundles validate with zero
 * errors and exactly the warnings the manifest lists; every invalid bundle — a copy of a valid one
 * with one defect — gives exactly ONE root error (an error without `causedBy`): the manifest's root
 * finding, written from the defect (rule id, at the manifest's FHIRPath or one step above it, and the
 * constraint key where given); every other error is a follow-on whose `causedBy` chain ends at that
 * root. XML forms give the same findings as their JSON.
 *
 * All three standards are validated against our compiled chains (HCO 1.1.0-trial-use, and 1.2.1 for
 * the files under examples/hco/1.2.1/, which name that version's profile); Notes also against the official
 * packages in ../shared/anchors/medcom (skipped, with a message, when they are absent), which must
 * give the same findings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import type { FileReport, Issue } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import { RULE_IDS, RULES, type RuleId } from '../../src/validator/rules/registry.js';
import type { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

type Standard = 'conditionlist' | 'hco' | 'notes';

interface Finding {
  ruleId: string;
  fhirpath: string;
  /** For invariants: the constraint key; when absent, any key matches. */
  constraintKey?: string;
}

interface CorpusEntry {
  /** Relative to examples/. */
  file: string;
  standard: Standard;
  valid: boolean;
  description: string;
  /** Invalid files: the valid file they are a copy of. */
  base?: string;
  /** Invalid files: the root finding of the defect (the one error without `causedBy`). */
  root?: Finding;
  /** Valid files: the warnings they get (and why is in examples/README.md). */
  warnings?: Finding[];
  /**
   * The versioned Bundle profile the file is written for and validated against (`…|1.2.1`), when it is
   * not the standard's default version; the file then lives in `<standard>/<version>/valid|invalid/`.
   */
  profile?: string;
}

const STANDARDS: Standard[] = ['conditionlist', 'hco', 'notes'];
const PROFILES: Record<Standard, string> = {
  conditionlist: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle',
  hco: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message',
  notes: 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle',
};
/**
 * Error rules no defect in these standards can trigger: none of their profiles has an ordered slicing;
 * input/more-issues is a cap on the report (over 100 findings of a kind on one element), not a defect
 * (test/security/xml-attributes.test.ts); terminology/unknown-code needs code systems given to the run
 * (`--terminology`), which the corpus is not validated with (test/validator/terminology/held.test.ts); the
 * questionnaire/ rules check a QuestionnaireResponse against its Questionnaire, and none of the three standards
 * carries one (their fixtures: test/validator/rules/rules.test.ts, questionnaire.test.ts); types/narrative-language
 * and types/narrative-source check a profile's narrative-language-control and narrative-source-control, which none
 * of their profiles sets, and types/uri-uuid a urn:uuid in a uri element, where these standards have none (their
 * fullUrls are http, their UUIDs are in Identifier.value, a string); the fixtures of these three:
 * test/validator/rules/rules.test.ts. No profile of theirs has a minValue[x] / maxValue[x], a minLength,
 * mustHaveValue or valueAlternatives, and every type profile theirs name is available (the fixtures of those
 * types/ rules: rules.test.ts, values.test.ts). The measure/ rules check a MeasureReport against its Measure
 * (and a Measure's CQL criteria), the conformance/ rules a StructureDefinition as such, which none of them carries
 * either. references/type-mismatch is never a root in these bundles: their fullUrls are RESTful, so a reference
 * reaches an entry of another type only through a fullUrl that disagrees with its resource
 * (bundle/fullurl-resource-mismatch, the root; fixtures: test/validator/rules/bundle-references.test.ts).
 */
const NOT_APPLICABLE: readonly RuleId[] = [
  'slicing/ordered',
  'input/more-issues',
  'terminology/unknown-code',
  'types/narrative-language',
  'types/narrative-source',
  'types/uri-uuid',
  'types/min-value',
  'types/max-value',
  'types/min-length',
  'types/value-missing',
  'types/value-alternative',
  'types/profile-unknown',
  'references/type-mismatch',
];
const notApplicable = (r: RuleId): boolean =>
  NOT_APPLICABLE.includes(r) || ['questionnaire', 'measure', 'conformance'].includes(RULES[r].concern);

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const corpus = JSON.parse(readFileSync(join(EXAMPLES, 'corpus.json'), 'utf8')) as CorpusEntry[];
const anchors = anchorsOrSkip('examples: the Notes corpus against the official packages');

const isError = (i: Issue): boolean => i.severity === 'error' || i.severity === 'fatal';
const show = (f: { ruleId: string; constraintKey?: string | undefined }, fhirpath: string): string =>
  `${f.ruleId}${f.constraintKey ? ` (${f.constraintKey})` : ''} at '${fhirpath}'`;
const matches = (i: Issue, f: Finding): boolean =>
  i.ruleId === f.ruleId && i.location.fhirpath === f.fhirpath && (f.constraintKey === undefined || i.constraintKey === f.constraintKey);

/** `actual` is `listed` or one step above it (`….identifier[0].value` → `….identifier[0]`; `….coding[0]` → `….coding`). */
const atOrOneStepAbove = (actual: string, listed: string): boolean =>
  actual === listed || (listed.startsWith(actual) && /^(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?|\[\d+\])$/.test(listed.slice(actual.length)));
const isRoot = (i: Issue, root: Finding): boolean =>
  i.ruleId === root.ruleId &&
  atOrOneStepAbove(i.location.fhirpath, root.fhirpath) &&
  (root.constraintKey === undefined || i.constraintKey === root.constraintKey);

/** Every expected finding is among `issues`, and every issue is one of the expected findings. */
function expectExactly(issues: Issue[], expected: Finding[], what: string): void {
  const actual = issues.map((i) => show(i, i.location.fhirpath));
  for (const f of expected) {
    expect(issues.some((i) => matches(i, f)), `missing ${what}: ${show(f, f.fhirpath)}; got ${JSON.stringify(actual)}`).toBe(true);
  }
  for (const i of issues) {
    expect(expected.some((f) => matches(i, f)), `unexpected ${what}: ${show(i, i.location.fhirpath)}: ${i.message}`).toBe(true);
  }
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesBelow(join(dir, d.name)) : [join(dir, d.name)]));
}

// --------------------------------------------------------------------------------------------------
// the manifest itself

describe('examples/corpus.json', () => {
  const listed = corpus.map((e) => e.file);

  it('lists every example file once, and only files that exist', () => {
    expect(new Set(listed).size).toBe(listed.length);
    const onDisk = STANDARDS.flatMap((s) => filesBelow(join(EXAMPLES, s))).map((f) => f.slice(EXAMPLES.length + 1).split('\\').join('/'));
    expect([...listed].sort()).toEqual(onDisk.sort());
  });

  it.each(corpus.map((e) => [e.file, e] as const))('%s: consistent with its folder and name', (_file, e) => {
    // a file written for another version than the standard's default sits in a folder named for it
    const version = e.profile === undefined ? '' : `${e.profile.split('|')[1]}/`;
    if (e.profile !== undefined) expect(e.profile.startsWith(`${PROFILES[e.standard]}|`), e.profile).toBe(true);
    expect(e.file.startsWith(`${e.standard}/${version}${e.valid ? 'valid' : 'invalid'}/`)).toBe(true);
    expect(e.file).toMatch(/\.(json|xml)$/);
    expect(e.description.length).toBeGreaterThan(0);
    for (const f of [...(e.root ? [e.root] : []), ...(e.warnings ?? [])]) expect(RULE_IDS, `${e.file}: rule id`).toContain(f.ruleId);
    // the old format (every error listed) is gone: an invalid entry states its root, a valid one its warnings
    expect(Object.keys(e)).not.toContain('expect');
    if (e.valid) {
      expect(e.root).toBeUndefined();
      expect(e.base).toBeUndefined();
      return;
    }
    const root = e.root!;
    expect(root, `${e.file}: root`).toBeDefined();
    expect(Object.keys(root).every((k) => ['ruleId', 'fhirpath', 'constraintKey'].includes(k))).toBe(true);
    expect(typeof root.fhirpath).toBe('string');
    expect(e.warnings).toBeUndefined();
    expect(['error', 'fatal']).toContain(RULES[root.ruleId as keyof typeof RULES].severity);
    // a copy of one of our valid bundles
    const base = corpus.find((b) => b.file === e.base);
    expect(base?.valid, `base ${String(e.base)}`).toBe(true);
    expect(base?.standard).toBe(e.standard);
    expect(base?.profile).toBe(e.profile);
    expect(base?.file.endsWith('.json')).toBe(true);
    // named for the rule its defect breaks (the root): cardinality-min-…, invariants-…
    const prefix = root.ruleId === 'invariants/failed' ? 'invariants' : root.ruleId.replace('/', '-');
    expect(e.file.split('/').pop()!.startsWith(`${prefix}-`), `${e.file} should start with ${prefix}-`).toBe(true);
  });

  it('has at least 3 valid bundles for ConditionList and HCO, 2 for Notes, and 15 invalid ones per standard', () => {
    const count = (s: Standard, valid: boolean): number => corpus.filter((e) => e.standard === s && e.valid === valid && e.file.endsWith('.json')).length;
    expect([count('conditionlist', true), count('hco', true), count('notes', true)].map((n, i) => n >= [3, 3, 2][i]!)).toEqual([true, true, true]);
    for (const s of STANDARDS) expect(count(s, false), s).toBeGreaterThanOrEqual(15);
  });

  it('has a root for every error rule that a defect in these standards can trigger', () => {
    const covered = new Set(corpus.flatMap((e) => (e.root ? [e.root.ruleId] : [])));
    // the manifest lists official findings; business rules have their own examples (examples/business)
    const errorRules = RULE_IDS.filter((r) => RULES[r].layer === 'official' && (RULES[r].severity === 'error' || RULES[r].severity === 'fatal'));
    expect(errorRules.filter((r) => !covered.has(r) && !notApplicable(r))).toEqual([]);
  });
});

// --------------------------------------------------------------------------------------------------
// validation

let official: Promise<Definitions> | undefined;
/** Our compiled IG plus the official packages (HCO 1.1.0, Notes 1.0.0 and their dependencies), built once. */
function officialDefinitions(): Promise<Definitions> {
  official ??= validationDefinitions([anchors!]);
  return official;
}

function validatorFor(definitions: Definitions, profile: string): Validator {
  // the manifest lists exactly the official findings; business rules are checked on examples/business
  return newValidator(definitions, { readXml, scopeProfile: profile, rules: 'official' });
}

/**
 * `version`: the files written for that version (their `profile`), validated against it; without it, the
 * files of the standard's default version (HCO's pinned: several HCO versions are built).
 */
const GROUPS: { standard: Standard; title: string; needsAnchors: boolean; version?: string; pin?: string }[] = [
  { standard: 'conditionlist', title: 'ConditionList 1.0.1, against our compiled chain', needsAnchors: false },
  {
    standard: 'hco',
    title: 'HomeCareObservation 1.1.0-trial-use, against our compiled chain',
    needsAnchors: false,
    pin: '1.1.0-trial-use',
  },
  { standard: 'hco', title: 'HomeCareObservation 1.2.1, against our compiled chain', needsAnchors: false, version: '1.2.1' },
  { standard: 'notes', title: 'Notes 1.0.0, against the official packages', needsAnchors: true },
  { standard: 'notes', title: 'Notes 1.0.0, against our compiled chain', needsAnchors: false },
];

for (const group of GROUPS) {
  describe.skipIf(group.needsAnchors && !anchors)(`examples: ${group.title}`, () => {
    let validator: Validator;
    const reports = new Map<string, FileReport>();
    const version = group.version ?? group.pin;
    const profile = version === undefined ? PROFILES[group.standard] : `${PROFILES[group.standard]}|${version}`;
    beforeAll(async () => {
      validator = validatorFor(group.needsAnchors ? await officialDefinitions() : await validationDefinitions(), profile);
    }, 120_000);

    const entries = corpus.filter(
      (e) => e.standard === group.standard && e.profile === (group.version === undefined ? undefined : profile),
    );
    const report = (e: CorpusEntry): FileReport => {
      let r = reports.get(e.file);
      if (!r) {
        r = validator.validateText(e.file, readFileSync(join(EXAMPLES, e.file), 'utf8'), { profiles: [profile] });
        reports.set(e.file, r);
      }
      return r;
    };

    it.each(entries.filter((e) => e.valid).map((e) => [e.file, e] as const))('%s: zero errors, only the listed warnings', (_file, e) => {
      const r = report(e);
      expectExactly(r.issues.filter(isError), [], 'error');
      expectExactly(r.issues.filter((i) => i.severity === 'warning'), e.warnings ?? [], 'warning');
      expect(r.valid).toBe(true);
    });

    it.each(entries.filter((e) => !e.valid).map((e) => [e.file, e] as const))('%s: one root error, the defect; the rest follow from it', (_file, e) => {
      const r = report(e);
      const root = e.root!;
      const errors = r.issues.filter(isError);
      const list = (issues: Issue[]): string =>
        JSON.stringify(issues.map((i) => `${show(i, i.location.fhirpath)}${i.causedBy ? ` ← ${i.causedBy}` : ''}`));
      // the defect is reported: the manifest's root is among the errors
      expect(errors.some((i) => isRoot(i, root)), `root ${show(root, root.fhirpath)} not among the errors ${list(errors)}`).toBe(true);
      expect(r.valid).toBe(false);
      // … as the only error that follows from no other
      const roots = errors.filter((i) => i.causedBy === undefined);
      expect(roots.length, `${roots.length} errors without causedBy: ${list(roots)}`).toBe(1);
      const theRoot = roots[0]!;
      expect(isRoot(theRoot, root), `the root error is ${show(theRoot, theRoot.location.fhirpath)}`).toBe(true);
      // every follow-on's causedBy chain ends at it (ids unique within the file; no cycles)
      const ids = r.issues.flatMap((i) => (i.id === undefined ? [] : [i.id]));
      expect(new Set(ids).size, 'issue ids are unique').toBe(ids.length);
      const byId = new Map(r.issues.map((i) => [i.id, i]));
      for (const i of errors) {
        let at = i;
        const seen = new Set<Issue>();
        while (at.causedBy !== undefined && !seen.has(at)) {
          seen.add(at);
          const next = byId.get(at.causedBy);
          expect(next, `${show(i, i.location.fhirpath)}: causedBy ${at.causedBy} is no issue of the file`).toBeDefined();
          at = next!;
        }
        expect(at, `${show(i, i.location.fhirpath)} does not lead to the root`).toBe(theRoot);
      }
    });

    const xmlPairs = entries.filter((e) => e.file.endsWith('.xml'))
      .map((x) => [x, entries.find((j) => j.file === x.file.replace(/\.xml$/, '.json'))] as const)
      .filter((p): p is readonly [CorpusEntry, CorpusEntry] => p[1] !== undefined);

    it.each(xmlPairs.map(([x, j]) => [x.file, x, j] as const))('%s: the same findings as its JSON form', (_file, x, j) => {
      const key = (r: FileReport): string[] =>
        r.issues.map((i) => `${i.severity} ${i.ruleId} ${i.location.fhirpath} ${i.constraintKey ?? ''} ${i.causedBy === undefined ? 'root' : 'follow-on'}`).sort();
      const xml = report(x);
      expect(key(xml)).toEqual(key(report(j)));
      expect(xml.issues.every((i) => (i.location.line ?? 0) > 0)).toBe(true);
    });
  });
}
