/**
 * `medcom-ig diff`: each kind of change on small hand-made packages (a passing and a failing
 * pair each), then the acceptance cases on the official packages — HCO 1.1.0 → 1.2.1 and MedCom
 * Core 2.4.0 → 4.0.0 — and our own build against the official package of the same version
 * (no change at all: a second parity check).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffOperands } from '../../src/api/diff.js';
import { diffPackages, type Change, type DiffSide } from '../../src/diff/compare.js';
import { diffHtml, diffMarkdown, diffText } from '../../src/diff/render.js';
import { anchorsOrSkip } from '../helpers/shared.js';

type ED = fhir4.ElementDefinition;
type Json = Record<string, unknown>;

const URL = 'http://example.org/fhir/StructureDefinition/p';

function sd(elements: ED[], extra: Json = {}): Json {
  return {
    resourceType: 'StructureDefinition',
    url: URL,
    name: 'P',
    version: '1',
    status: 'active',
    kind: 'resource',
    type: 'Observation',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
    snapshot: { element: elements },
    ...extra,
  };
}

function pkg(resources: Json[], version = '1.0.0', dependencies: Record<string, string> = {}): DiffSide {
  return { id: 'example.p', version, source: 'test', dependencies, resources };
}

const el = (id: string, more: Partial<ED> = {}): ED => ({ id, path: id.replace(/:[^.]+/g, ''), min: 0, max: '1', ...more });
const ROOT = el('Observation', { max: '*' });

/** Changes (kind, element, key) of diffing one element's two versions. */
function changesOf(before: ED[], after: ED[]): Change[] {
  return diffPackages(pkg([sd([ROOT, ...before])]), pkg([sd([ROOT, ...after])])).changes;
}

const kinds = (changes: Change[]): string[] =>
  changes.map((c) => `${c.impact} ${c.kind}${c.element ? ` ${c.element}` : ''}${c.key ? ` ${c.key}` : ''}`);

describe('diff: kinds of change', () => {
  it('no change between identical packages', () => {
    const side = pkg([sd([ROOT, el('Observation.status', { min: 1 })])]);
    expect(diffPackages(side, side).changes).toEqual([]);
  });

  it.each([
    ['tightened min', el('Observation.status'), el('Observation.status', { min: 1 }), 'breaking cardinality-tightened Observation.status'],
    [
      'tightened max',
      el('Observation.note', { max: '*' }),
      el('Observation.note', { max: '1' }),
      'breaking cardinality-tightened Observation.note',
    ],
    ['relaxed', el('Observation.status', { min: 1 }), el('Observation.status'), 'review cardinality-relaxed Observation.status'],
    [
      'both ways',
      el('Observation.note', { max: '3' }),
      el('Observation.note', { min: 1, max: '*' }),
      'breaking cardinality-changed Observation.note',
    ],
    [
      'must-support added',
      el('Observation.status'),
      el('Observation.status', { mustSupport: true }),
      'breaking must-support-added Observation.status',
    ],
    [
      'must-support removed',
      el('Observation.status', { mustSupport: true }),
      el('Observation.status'),
      'review must-support-removed Observation.status',
    ],
    ['fixed added', el('Observation.status'), el('Observation.status', { fixedCode: 'final' }), 'breaking fixed-added Observation.status'],
    [
      'fixed changed',
      el('Observation.status', { fixedCode: 'final' }),
      el('Observation.status', { fixedCode: 'amended' }),
      'breaking fixed-changed Observation.status',
    ],
    [
      'pattern removed',
      el('Observation.code', { patternCodeableConcept: { text: 'x' } }),
      el('Observation.code'),
      'review pattern-removed Observation.code',
    ],
    [
      'binding stronger',
      el('Observation.code', { binding: { strength: 'preferred', valueSet: 'http://x/vs' } }),
      el('Observation.code', { binding: { strength: 'required', valueSet: 'http://x/vs' } }),
      'breaking binding-strength Observation.code',
    ],
    [
      'binding to another value set',
      el('Observation.code', { binding: { strength: 'required', valueSet: 'http://x/vs' } }),
      el('Observation.code', { binding: { strength: 'required', valueSet: 'http://x/other' } }),
      'breaking binding-valueset Observation.code',
    ],
    [
      'another version of the value set',
      el('Observation.code', { binding: { strength: 'required', valueSet: 'http://x/vs|1.0' } }),
      el('Observation.code', { binding: { strength: 'required', valueSet: 'http://x/vs|2.0' } }),
      'review binding-valueset Observation.code',
    ],
    [
      'invariant added',
      el('Observation.status'),
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'error', human: 'h', expression: "$this = 'final'" }] }),
      'breaking invariant-added Observation.status x-1',
    ],
    [
      'invariant changed',
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'error', human: 'h', expression: 'a' }] }),
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'error', human: 'h', expression: 'b' }] }),
      'breaking invariant-changed Observation.status x-1',
    ],
    [
      'invariant a warning now',
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'error', human: 'h', expression: 'a' }] }),
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'warning', human: 'h', expression: 'a' }] }),
      'review invariant-changed Observation.status x-1',
    ],
    [
      'invariant removed',
      el('Observation.status', { constraint: [{ key: 'x-1', severity: 'error', human: 'h', expression: 'a' }] }),
      el('Observation.status'),
      'review invariant-removed Observation.status x-1',
    ],
    [
      'fewer types',
      el('Observation.value[x]', { type: [{ code: 'Quantity' }, { code: 'string' }] }),
      el('Observation.value[x]', { type: [{ code: 'Quantity' }] }),
      'breaking type-changed Observation.value[x]',
    ],
    [
      'more types',
      el('Observation.value[x]', { type: [{ code: 'Quantity' }] }),
      el('Observation.value[x]', { type: [{ code: 'Quantity' }, { code: 'string' }] }),
      'review type-changed Observation.value[x]',
    ],
    [
      'a profile required',
      el('Observation.subject', { type: [{ code: 'Reference' }] }),
      el('Observation.subject', { type: [{ code: 'Reference', targetProfile: ['http://x/p'] }] }),
      'breaking type-changed Observation.subject',
    ],
    [
      'a profile requirement dropped',
      el('Observation.subject', { type: [{ code: 'Reference', targetProfile: ['http://x/p'] }] }),
      el('Observation.subject', { type: [{ code: 'Reference' }] }),
      'review type-changed Observation.subject',
    ],
    [
      'slicing closed',
      el('Observation.category', { max: '*', slicing: { rules: 'open', discriminator: [{ type: 'value', path: 'coding.code' }] } }),
      el('Observation.category', { max: '*', slicing: { rules: 'closed', discriminator: [{ type: 'value', path: 'coding.code' }] } }),
      'breaking slicing-changed Observation.category',
    ],
  ])('%s', (_what, before, after, expected) => {
    expect(kinds(changesOf([before], [after]))).toEqual([expected]);
  });

  it('collects canonical version pins into one informational line per profile', () => {
    const c = changesOf(
      [
        el('Observation.subject', { type: [{ code: 'Reference', targetProfile: ['http://hl7.org/fhir/StructureDefinition/Patient'] }] }),
        el('Observation.code', { binding: { strength: 'example', valueSet: 'http://x/vs' } }),
      ],
      [
        el('Observation.subject', {
          type: [{ code: 'Reference', targetProfile: ['http://hl7.org/fhir/StructureDefinition/Patient|4.0.1'] }],
        }),
        el('Observation.code', { binding: { strength: 'example', valueSet: 'http://x/vs|4.0.1' } }),
      ],
    );
    expect(kinds(c)).toEqual(['info canonical-pins']);
    expect(c[0]!.after).toEqual(['Observation.subject', 'Observation.code']);
  });

  it('recognises a renamed slice and does not report its elements as added and removed', () => {
    const slice = (name: string): ED[] => [
      el(`Observation.code.coding:${name}`, { max: '1' }),
      el(`Observation.code.coding:${name}.system`, { min: 1, fixedUri: 'http://npu-terminology.org' }),
    ];
    const parent = el('Observation.code.coding', {
      max: '*',
      slicing: { rules: 'open', discriminator: [{ type: 'value', path: 'system' }] },
    });
    expect(kinds(changesOf([parent, ...slice('NPU')], [parent, ...slice('npu')]))).toEqual([
      'breaking slice-renamed Observation.code.coding:npu',
    ]);
    // different content: one slice gone, another new
    const other = [
      el('Observation.code.coding:loinc', { max: '1' }),
      el('Observation.code.coding:loinc.system', { min: 1, fixedUri: 'http://loinc.org' }),
    ];
    expect(kinds(changesOf([parent, ...slice('NPU')], [parent, ...other]))).toEqual([
      'review slice-added Observation.code.coding:loinc',
      'breaking slice-removed Observation.code.coding:NPU',
    ]);
  });

  it('compares an element one snapshot leaves unexpanded with its type (structure lookup)', () => {
    const narrative = {
      resourceType: 'StructureDefinition',
      url: 'http://hl7.org/fhir/StructureDefinition/Narrative',
      type: 'Narrative',
      kind: 'complex-type',
      snapshot: { element: [el('Narrative'), el('Narrative.status', { min: 1 }), el('Narrative.div', { min: 1 })] },
    } as unknown as fhir4.StructureDefinition;
    const text = el('Observation.text', { type: [{ code: 'Narrative' }] });
    const a = pkg([sd([ROOT, text])]);
    const b = pkg([
      sd([ROOT, { ...text, min: 1 }, el('Observation.text.status', { min: 1 }), el('Observation.text.div', { min: 1, mustSupport: true })]),
    ]);
    const c = diffPackages(a, b, { structure: (url) => (url === narrative.url ? narrative : undefined) }).changes;
    expect(kinds(c)).toEqual(['breaking cardinality-tightened Observation.text', 'breaking must-support-added Observation.text.div']);
    // without the type's definition, the expanded children are new elements
    expect(kinds(diffPackages(a, b).changes)).toContain('breaking element-added Observation.text.status');
  });

  it('reports profiles, dependencies and terminology', () => {
    const vs = (codes: string[], version: string): Json => ({
      resourceType: 'ValueSet',
      url: 'http://x/vs',
      name: 'VS',
      version,
      compose: { include: [{ system: 'http://x/cs', concept: codes.map((code) => ({ code })) }] },
    });
    const cs = (codes: string[]): Json => ({
      resourceType: 'CodeSystem',
      url: 'http://x/cs',
      name: 'CS',
      version: '1',
      concept: codes.map((code) => ({ code, display: code })),
    });
    const a = pkg([sd([ROOT]), vs(['a', 'b'], '1'), cs(['a', 'b'])], '1.0.0', { 'x.terminology': '1.0.0', 'x.gone': '1' });
    const b = pkg(
      [sd([ROOT], { url: 'http://example.org/fhir/StructureDefinition/q', name: 'Q' }), vs(['b', 'c'], '2'), cs(['a', 'b', 'c'])],
      '2.0.0',
      { 'x.terminology': '2.0.0', 'x.new': '1' },
    );
    expect(kinds(diffPackages(a, b).changes)).toEqual([
      'info package-version',
      'review dependency-removed x.gone',
      'review dependency-added x.new',
      'review dependency-changed x.terminology',
      'breaking profile-removed',
      'review profile-added',
      'info terminology-version',
      'review codes-added',
      'breaking codes-removed',
      'review codes-added',
    ]);
  });

  it('renders text and Markdown with the impact of each change', () => {
    const d = diffPackages(pkg([sd([ROOT, el('Observation.status')])]), pkg([sd([ROOT, el('Observation.status', { min: 1 })])]));
    expect(diffText(d)).toMatch(/! cardinality-tightened\s+Observation\.status 0\.\.1 → 1\.\.1/);
    expect(diffText(d, 'review')).not.toMatch(/cardinality/);
    expect(diffMarkdown(d)).toContain('| breaking | cardinality-tightened | Observation.status |');
    const html = diffHtml(d);
    expect(html).toContain('<td>cardinality-tightened</td><td><code>Observation.status</code></td>');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  it('escapes what the packages say (HTML and Markdown)', () => {
    const evil = '<img src=x onerror=alert(1)>|*x*';
    const d = diffPackages(
      pkg([sd([ROOT, el('Observation.status')])]),
      pkg([sd([ROOT, el('Observation.status', { constraint: [{ key: 'k', severity: 'error', human: 'h', expression: evil }] })])]),
    );
    expect(diffHtml(d)).not.toContain('<img');
    expect(diffHtml(d)).toContain('&lt;img');
    // Markdown escapes the CommonMark way (a backslash before each punctuation mark), not with HTML entities:
    // no `<` stays unescaped, so no tag reaches a renderer
    expect(diffMarkdown(d)).not.toMatch(/(^|[^\\])<img/m);
    expect(diffMarkdown(d)).toContain('\\<img');
    expect(diffMarkdown(d)).toContain('\\|\\*x\\*');
  });
});

const anchors = anchorsOrSkip('diff on the official packages');

describe.skipIf(!anchors)('diff on the official packages (acceptance)', () => {
  const at = (...p: string[]): string => join(anchors ?? '', ...p);

  it('HCO 1.1.0 → 1.2.1: the definition-URL invariant and the terminology version', async () => {
    for (const from of ['hco@1.1.0-trial-use', at('hco')]) {
      const d = await diffOperands(from, at('hco', 'newer-1.2.1'));
      expect(d.to.version).toBe('1.2.1');
      const inv = d.changes.find((c) => c.kind === 'invariant-changed' && c.key === 'medcom-hcobs-definition-url');
      expect(inv?.element).toBe('MessageHeader.definition');
      expect(inv?.impact).toBe('breaking');
      expect((inv?.after as { expression: string }).expression).toContain('MessageDefinition|1[.]');
      const term = d.changes.find((c) => c.kind === 'dependency-changed' && c.key === 'medcom.fhir.dk.terminology');
      expect([term?.before, term?.after]).toEqual(['2.0.0-draft', '2.0.2']);
      // bindings follow the new terminology package's value set versions
      expect(d.changes.some((c) => c.kind === 'binding-valueset' && c.element === 'Observation.interpretation')).toBe(true);
    }
  });

  it('MedCom Core 2.4.0 → 4.0.0: the identifier invariants drop the `value.` prefix', async () => {
    for (const [from, to] of [
      [at('core', '2.4.0'), at('core')],
      ['medcom.fhir.dk.core#2.4.0', 'medcom.fhir.dk.core#4.0.0'],
    ] as const) {
      const d = await diffOperands(from, to);
      const uuid = (key: string) =>
        d.changes.find((c) => c.kind === 'invariant-changed' && c.key === key && c.element === 'Identifier.value');
      expect((uuid('medcom-uuidv4')?.before as { expression: string }).expression).toMatch(/^value\.matches\(/);
      expect((uuid('medcom-uuidv4')?.after as { expression: string }).expression).toMatch(/^matches\(/);
      expect(uuid('uuidv5')?.resource).toBe('http://medcomfhir.dk/ig/core/StructureDefinition/lpr3-Identifier');
      // and the changes the research notes list for Media
      const media = d.changes.filter((c) => c.name === 'MedComCoreMedia').map((c) => `${c.kind} ${c.element ?? ''} ${c.key ?? ''}`.trim());
      expect(media).toEqual(
        expect.arrayContaining([
          'cardinality-relaxed Media.identifier',
          'invariant-removed Media.operator medcom-homecareReport-5',
          'cardinality-relaxed Media.content.title',
        ]),
      );
    }
  });

  it.each([
    ['hco', ['hco', 'newer-1.2.1']],
    ['hco@1.1.0-trial-use', ['hco']],
    ['hco@1.1.1-trial-use', ['hco', '1.1.1-trial-use']],
    ['hco@1.2.0', ['hco', '1.2.0']],
    ['notes', ['notes']],
    ['conditionlist', ['conditionlist']],
    ['medcom.fhir.dk.core#2.4.0', ['core', '2.4.0']],
    ['medcom.fhir.dk.core#4.0.0', ['core']],
  ])('our %s and the official package of that version differ in nothing', async (ours, official) => {
    const d = await diffOperands(ours, at(...official));
    expect(d.changes).toEqual([]);
  });

  it('CLI: text, json, --fail-on and bad operands', () => {
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'medcom-ig.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'diff', ...args], { encoding: 'utf8', timeout: 120_000 });
    const text = run(at('hco'), at('hco', 'newer-1.2.1'));
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/! invariant-changed\s+MessageHeader\.definition invariant medcom-hcobs-definition-url/);
    const json = run(at('hco'), at('hco', 'newer-1.2.1'), '--format', 'json');
    expect((JSON.parse(json.stdout) as { summary: { breaking: number } }).summary.breaking).toBeGreaterThan(0);
    expect(run(at('hco'), at('hco', 'newer-1.2.1'), '--fail-on', 'breaking').status).toBe(1);
    expect(run(at('hco'), at('hco'), '--fail-on', 'breaking').status).toBe(0);
    const bad = run('no-such-thing', at('hco'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no-such-thing: not a file or folder/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
