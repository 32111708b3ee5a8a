/**
 * The business-rule layer (src/validator/rules/business):
 * - examples/business: every file gives exactly the business findings its manifest lists;
 * - `--rules official` reproduces the validator's official result on the whole examples/ corpus
 *   (the same issues as a full run with the business findings taken out), `--rules business` gives
 *   only business findings;
 * - MedCom's Notes consumer test examples: the three tec-invalid* draw their business warning
 *   (with `--ig notes --suppress 'cardinality/min@*.text'`, as MedCom's own build suppresses the
 *   missing narrative), and what the other 18 draw is measured and pinned;
 * - MedCom's HCO 1.1.0 examples and TestScript bundles give no business error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newValidator, validateFiles, validationDefinitions } from '../../../src/api/validate.js';
import type { Definitions } from '../../../src/defs/registry.js';
import type { FileReport, Issue } from '../../../src/validator/issue.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { RULES } from '../../../src/validator/rules/registry.js';
import { anchorsOrSkip } from '../../helpers/shared.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const BUSINESS = join(EXAMPLES, 'business');

interface BusinessEntry {
  file: string;
  /** `source`: our GP note source upload (profiles/medcom-ig-local), checked in both layers. */
  standard: 'notes' | 'hco' | 'source';
  /** The export purpose the file is checked with (default sharing). */
  purpose?: 'sharing' | 'aktindsigt';
  description: string;
  expect: { ruleId: string; fhirpath: string }[];
  /**
   * The exact official errors (rule id, FHIRPath, constraint key where given), when the entry states them: our own
   * profiles (the GP note source) must accept the valid files and reject the invalid ones where expected.
   */
  official?: { ruleId: string; fhirpath: string; constraintKey?: string }[];
}
const corpus = JSON.parse(readFileSync(join(BUSINESS, 'corpus.json'), 'utf8')) as BusinessEntry[];

/** FHIR files below `dir` (not the manifests: corpus.json, sequences.json, *.sequence.json). */
const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? filesBelow(join(dir, d.name))
      : /\.(json|xml)$/.test(d.name) && !['corpus.json', 'sequences.json'].includes(d.name) && !d.name.endsWith('.sequence.json')
        ? [join(dir, d.name)]
        : [],
  );
const SCENARIOS = join(BUSINESS, 'scenarios');
const business = (r: FileReport): Issue[] => r.issues.filter((i) => i.layer === 'business');
const found = (issues: Issue[]): string[] => issues.map((i) => `${i.ruleId} @ ${i.location.fhirpath}`).sort();

let defs: Definitions;
beforeAll(async () => {
  defs = await validationDefinitions();
}, 120_000);

describe('examples/business', () => {
  it('lists every file once, and only files that exist', () => {
    const onDisk = filesBelow(BUSINESS)
      .filter((f) => !f.startsWith(SCENARIOS))
      .map((f) =>
        f
          .slice(BUSINESS.length + 1)
          .split('\\')
          .join('/'),
      )
      .sort();
    expect(corpus.map((e) => e.file).sort()).toEqual(onDisk);
    for (const e of corpus)
      expect(e.file.startsWith(`${e.standard}/${e.expect.length || e.official?.length ? 'invalid' : 'valid'}/`), e.file).toBe(true);
    // our own profiles are checked in both layers
    for (const e of corpus.filter((x) => x.standard === 'source')) expect(e.official, e.file).toBeDefined();
  });

  it('has an invalid example for every business rule that reports a defect (the sequence rules: scenarios/sequences.json)', () => {
    const rules = Object.entries(RULES)
      .filter(([, r]) => r.layer === 'business' && r.severity !== 'information' && !('input' in r))
      .map(([id]) => id);
    const covered = new Set(corpus.flatMap((e) => e.expect.map((f) => f.ruleId)));
    expect(rules.filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(corpus.map((e) => [e.file, e] as const))('%s: exactly the listed business findings', (file, e) => {
    const v = newValidator(defs, { readXml, ...(e.purpose ? { purpose: e.purpose } : {}) });
    const r = v.validateText(file, readFileSync(join(BUSINESS, file), 'utf8'));
    expect(found(business(r))).toEqual(e.expect.map((f) => `${f.ruleId} @ ${f.fhirpath}`).sort());
    for (const i of business(r)) expect(i.location.line).toBeGreaterThan(0);
    if (e.official) {
      const errors = r.issues.filter((i) => i.layer === 'official' && (i.severity === 'error' || i.severity === 'fatal'));
      expect(
        errors.map((i) => `${i.ruleId}${i.constraintKey ? ` (${i.constraintKey})` : ''} @ ${i.location.fhirpath}`).sort(),
        file,
      ).toEqual(e.official.map((f) => `${f.ruleId}${f.constraintKey ? ` (${f.constraintKey})` : ''} @ ${f.fhirpath}`).sort());
      expect(r.valid, file).toBe(
        e.official.length === 0 && !e.expect.some((f) => RULES[f.ruleId as keyof typeof RULES].severity === 'error'),
      );
    }
  });
});

describe('--rules', () => {
  const everything = [...['conditionlist', 'hco', 'notes'].flatMap((s) => filesBelow(join(EXAMPLES, s))), ...filesBelow(BUSINESS)];

  it('finds the whole examples/ corpus', () => {
    expect(everything.length).toBeGreaterThan(100);
  });

  /** Issues without their ids, each link as its cause's rule and place. */
  const comparable = (issues: Issue[], all: Issue[] = issues): unknown[] =>
    issues.map(({ id: _id, causedBy, ...rest }) => {
      const cause = all.find((c) => c.id === causedBy);
      return cause ? { ...rest, causedBy: `${cause.ruleId}@${cause.location.fhirpath}` } : rest;
    });

  it('official: the same issues as a full run without its business findings, on every file of examples/', () => {
    const all = newValidator(defs, { readXml });
    const official = newValidator(defs, { readXml, rules: 'official' });
    let businessSeen = 0;
    for (const file of everything) {
      const text = readFileSync(file, 'utf8');
      const full = all.validateText(file, text);
      const off = official.validateText(file, text);
      businessSeen += business(full).length;
      const withoutBusiness = full.issues.filter((i) => i.layer === 'official');
      // ids are given in report order, so they differ where business findings sit between official ones: compared
      // without them, each follow-on by the rule and place of its cause
      expect(comparable(off.issues), file).toEqual(comparable(withoutBusiness, full.issues));
      expect(
        off.issues.every((i) => i.layer === 'official'),
        file,
      ).toBe(true);
      expect(off.valid, file).toBe(!withoutBusiness.some((i) => i.severity === 'error' || i.severity === 'fatal'));
      expect(off.profiles, file).toEqual(full.profiles);
    }
    // the comparison means something only if the full run did report business findings
    expect(businessSeen).toBeGreaterThan(10);
  });

  it('official: the purpose changes nothing (aktindsigt, sharing and the default give the same official issues)', () => {
    const official = newValidator(defs, { readXml, rules: 'official' });
    const aktindsigt = newValidator(defs, { readXml, rules: 'official', purpose: 'aktindsigt' });
    const sharing = newValidator(defs, { readXml, rules: 'official', purpose: 'sharing' });
    const purposeMatters = newValidator(defs, { readXml, rules: 'business', purpose: 'aktindsigt' });
    const businessSharing = newValidator(defs, { readXml, rules: 'business' });
    let differ = 0;
    for (const file of everything) {
      const text = readFileSync(file, 'utf8');
      const off = official.validateText(file, text);
      expect(aktindsigt.validateText(file, text), file).toEqual(off);
      expect(sharing.validateText(file, text), file).toEqual(off);
      if (
        JSON.stringify(purposeMatters.validateText(file, text).issues) !== JSON.stringify(businessSharing.validateText(file, text).issues)
      )
        differ++;
    }
    // ... while the business rules do depend on it (the private notes of the corpus)
    expect(differ).toBeGreaterThan(1);
  });

  it('business: only business findings', () => {
    const v = newValidator(defs, { readXml, rules: 'business' });
    const r = v.validateText('x.json', readFileSync(join(BUSINESS, 'hco/invalid/hco-result-length-quantity.json'), 'utf8'));
    expect(found(r.issues)).toEqual(['business/hco-result-length @ Bundle.entry[8].resource.valueQuantity.value']);
    expect(r.valid).toBe(false);
  });

  it('validateFiles: rules in the report, business counts in the summary; an unknown selection is a usage error', async () => {
    const file = join(BUSINESS, 'notes/invalid/notes-note-empty.json');
    const all = await validateFiles({ inputs: [file], workers: 1 }, defs);
    expect(all.rules).toBe('all');
    expect(all.summary.business).toEqual({ errors: 0, warnings: 1, information: 0 });
    const official = await validateFiles({ inputs: [file], workers: 1, rules: 'official' }, defs);
    expect(official.rules).toBe('official');
    expect(official.summary.business).toBeUndefined();
    expect(official.files[0]!.issues.some((i) => i.layer === 'business')).toBe(false);
    await expect(validateFiles({ inputs: [file], rules: 'some' as 'all' }, defs)).rejects.toThrow(/--rules/);
  });

  it('validateFiles: --purpose in the report (not with --rules official); an unknown purpose is a usage error', async () => {
    const file = join(BUSINESS, 'notes/valid/aktindsigt-export.json');
    const sharing = await validateFiles({ inputs: [file], workers: 1 }, defs);
    expect(sharing.purpose).toBe('sharing');
    expect(found(sharing.files[0]!.issues.filter((i) => i.layer === 'business'))).toEqual([
      'business/notes-private-shared @ Bundle.entry[1].resource.entry[1].resource.extension[2]',
    ]);
    const access = await validateFiles({ inputs: [file], workers: 1, purpose: 'aktindsigt' }, defs);
    expect(access.purpose).toBe('aktindsigt');
    expect(business(access.files[0]!)).toEqual([]);
    const official = await validateFiles({ inputs: [file], workers: 1, rules: 'official', purpose: 'aktindsigt' }, defs);
    expect(official.purpose).toBeUndefined();
    await expect(validateFiles({ inputs: [file], purpose: 'export' as 'sharing' }, defs)).rejects.toThrow(/--purpose export/);
  });

  it('an HCO DiagnosticReport on its own, in an export Bundle (collection or searchset) or as a file: a restricted one is reported for sharing, not for aktindsigt', () => {
    const message = JSON.parse(readFileSync(join(BUSINESS, 'hco/valid/restricted-message.json'), 'utf8')) as {
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    const report = message.entry[2]!;
    expect(report.resource['resourceType']).toBe('DiagnosticReport');
    const unrestricted = { ...report.resource, meta: { profile: (report.resource['meta'] as { profile: string[] }).profile } };
    for (const type of ['collection', 'searchset']) {
      const text = JSON.stringify(
        { resourceType: 'Bundle', id: 'e1', type, entry: [{ fullUrl: 'urn:uuid:a1', resource: unrestricted }, report] },
        null,
        2,
      );
      const sharing = newValidator(defs, { readXml, rules: 'business' }).validateText('export.json', text);
      expect(found(sharing.issues), type).toEqual(['business/hco-restricted-shared @ Bundle.entry[1].resource.meta.security[0]']);
      expect(sharing.issues[0]!.location.line).toBeGreaterThan(0);
      expect(newValidator(defs, { readXml, rules: 'business', purpose: 'aktindsigt' }).validateText('export.json', text).issues).toEqual(
        [],
      );
    }
    // the report as a file of its own, outside its message: exported when the run states a purpose
    const aloneText = JSON.stringify(report.resource, null, 2);
    const alone = newValidator(defs, { readXml, rules: 'business', purpose: 'sharing' }).validateText('dr.json', aloneText);
    expect(found(alone.issues)).toEqual(['business/hco-restricted-shared @ DiagnosticReport.meta.security[0]']);
    expect(
      newValidator(defs, { readXml, rules: 'business', purpose: 'sharing' }).validateText('dr.json', JSON.stringify(unrestricted)).issues,
    ).toEqual([]);
    // without a stated purpose it is only validated (MedCom publishes such a report as an example)
    expect(newValidator(defs, { readXml, rules: 'business' }).validateText('dr.json', aloneText).issues).toEqual([]);
    // a message (not an export) with the label: the GP may have it
    expect(newValidator(defs, { readXml, rules: 'business' }).validateText('m.json', JSON.stringify(message)).issues).toEqual([]);
  });

  it('a Bundle of neither standard gets no business rules', () => {
    const v = newValidator(defs, { readXml, rules: 'business' });
    const text = readFileSync(join(EXAMPLES, 'conditionlist', 'valid', 'minimal-one-condition.json'), 'utf8');
    expect(v.validateText('cl.json', text).issues).toEqual([]);
  });
});

const anchors = anchorsOrSkip('business rules on MedCom examples');
const CONSUMER = anchors ? join(anchors, '..', 'testscripts', 'notes', 'test-examples') : '';

describe.skipIf(!anchors || !existsSync(CONSUMER))('MedCom Notes consumer test examples (tec-invalid*)', () => {
  /**
   * Measured: the three tec-invalid* draw the warning they are named for. Two more draw one because
   * of their data: tec-incompleteData's note is a single space too, and C1-powerOfAttorney's
   * effectiveDateTime (2026-04-14) is six days after its Composition.date and event.period.start (2026-04-08).
   */
  const EXPECTED: Record<string, string[]> = {
    'Bundle-4156ad9c-0fd0-47e5-8b4a-d050c9b7d55d.json': [
      'business/notes-note-empty @ Bundle.entry[1].resource.extension[0].valueAttachment.data',
    ], // tec-invalidNoteMissing
    'Bundle-8f9ecc84-4b10-4850-b089-aaac0f3c306e.json': ['business/notes-date-before-event @ Bundle.entry[0].resource.date'], // tec-invalidSwappedDates
    'Bundle-01c6e21a-fcff-4011-83f1-e829ace62328.json': [
      'business/notes-note-formatting @ Bundle.entry[1].resource.extension[0].valueAttachment.data',
    ], // tec-invalidWrongFormatting
    'Bundle-33eb5f6e-953a-405c-9f07-227b432a018e.json': [
      'business/notes-note-empty @ Bundle.entry[1].resource.extension[0].valueAttachment.data',
    ], // tec-incompleteData
    'Bundle-b2988663-eeee-474d-81bb-672e2fbd0ce5.json': [
      // C1-powerOfAttorney
      'business/notes-date-before-event @ Bundle.entry[0].resource.date',
      'business/notes-effective-differs @ Bundle.entry[1].resource.effectiveDateTime',
    ],
  };

  it('with --ig notes --suppress cardinality/min@*.text: the tec-invalid* draw their warning, the others exactly what is listed (mostly nothing)', async () => {
    const report = await validateFiles({ inputs: [CONSUMER], ig: 'notes', suppress: ['cardinality/min@*.text'], workers: 1 }, defs);
    expect(report.files).toHaveLength(21);
    const byFile = Object.fromEntries(report.files.map((f) => [f.file.slice(CONSUMER.length + 1), found(business(f))]));
    for (const [file, issues] of Object.entries(byFile)) expect(issues, file).toEqual(EXPECTED[file] ?? []);
    expect(Object.values(byFile).filter((i) => i.length === 0)).toHaveLength(16);
    // all are warnings: the documents stay valid
    expect(report.files.every((f) => f.valid)).toBe(true);
  });
});

describe.skipIf(!anchors)('MedCom HCO 1.1.0 examples and TestScript bundles', () => {
  it('give no business error; the MCS results (and one NPU result) without display get hco-code-display warnings', async () => {
    const inputs = [join(anchors!, 'hco', 'examples'), join(anchors!, 'hco', 'testscripts-1.0.0-draft')];
    const bundles = inputs.flatMap((d) => filesBelow(d)).filter((f) => /[\\/]Bundle-[^\\/]*\.json$/.test(f));
    // the 1.1.0 examples against 1.1.0-trial-use's repertoire (terminology 2.0.0-draft)
    const report = await validateFiles({ inputs: bundles, ig: 'hco@1.1.0-trial-use', rules: 'business', workers: 1 }, defs);
    expect(report.files).toHaveLength(11);
    const issues = report.files.flatMap((f) => f.issues);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect([...new Set(issues.map((i) => i.ruleId))]).toEqual(['business/hco-code-display']);
    expect(issues).toHaveLength(11);
  });

  it('the restricted report published as a file of its own (DiagnosticReport-6d08f000…): nothing when just validated, hco-restricted-shared with --purpose sharing, nothing for aktindsigt', async () => {
    const file = join(anchors!, 'hco', 'examples', 'DiagnosticReport-6d08f000-33cc-41f3-a7c2-c086d53d31a7.json');
    expect(existsSync(file), file).toBe(true);
    const plain = await validateFiles({ inputs: [file], rules: 'business', workers: 1 }, defs);
    expect(plain.files[0]!.issues).toEqual([]);
    const sharing = await validateFiles({ inputs: [file], rules: 'business', purpose: 'sharing', workers: 1 }, defs);
    expect(found(sharing.files[0]!.issues)).toEqual(['business/hco-restricted-shared @ DiagnosticReport.meta.security[0]']);
    const access = await validateFiles({ inputs: [file], rules: 'business', purpose: 'aktindsigt', workers: 1 }, defs);
    expect(access.files[0]!.issues).toEqual([]);
  });
});
