import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IGS, STANDARDS } from '../../src/api/igs.js';
import type { FhirResource } from '../../src/defs/resource.js';
import { generateSite, rel } from '../../src/site/generate.js';
import { loadSiteInput, type SiteInput, type SitePackage } from '../../src/site/load.js';
import { escapeHtml, renderMarkdown } from '../../src/site/markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'medcom-ig.js');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-site-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The packages `npm run compile` built (npm test compiles first); compiled in memory when absent. */
async function input(): Promise<SiteInput> {
  const prebuilt = join(root, 'dist', 'ig');
  return existsSync(prebuilt) ? loadSiteInput({ from: prebuilt }) : loadSiteInput({ prebuiltDir: join(tmp, 'none') });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    if (f.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out.sort();
}

const site = (dir: string, path: string): string => readFileSync(join(dir, ...path.split('/')), 'utf8');
const pagePath = (p: SitePackage, r: FhirResource): string => `pkg/${p.id}/${p.version}/${r.resourceType}-${r.id}.html`;

let data: SiteInput;
let all: string;
let hcoPkg: SitePackage;

beforeAll(async () => {
  data = await input();
  all = join(tmp, 'all');
  await generateSite(data, { out: all });
  hcoPkg = data.packages.find((p) => p.id === IGS.hco.packageId && p.version === IGS.hco.version)!;
});

describe('medcom-ig docs: the site for all three standards', () => {
  it('has the index, one home page per standard and the shared stylesheet', () => {
    for (const p of [
      'index.html',
      'assets/site.css',
      'ig/hco/index.html',
      'ig/notes/index.html',
      'ig/conditionlist/index.html',
      'rules/index.html',
    ]) {
      expect(existsSync(join(all, ...p.split('/'))), p).toBe(true);
    }
    const index = site(all, 'index.html');
    for (const a of ['hco', 'notes', 'conditionlist'] as const) expect(index).toContain(`href="ig/${a}/index.html"`);
    // issue 14: every version we build of each standard, the current one marked, linked to its package page
    expect(index).toContain('<th>Versions we build</th>');
    for (const [alias, s] of Object.entries(STANDARDS))
      for (const v of s.versions)
        expect(index, `${alias} ${v.version}`).toContain(
          `<a href="pkg/${s.packageId}/${v.version}/index.html">${v.version}</a>${v.version === s.current ? ' (current)' : ''}`,
        );
  });

  it('has a page for every StructureDefinition, ValueSet and CodeSystem of HCO and of every package of its chain', () => {
    expect(hcoPkg).toBeDefined();
    const chain = new Map<string, SitePackage>();
    const visit = (p: SitePackage): void => {
      if (chain.has(`${p.id}#${p.version}`)) return;
      chain.set(`${p.id}#${p.version}`, p);
      for (const [id, v] of Object.entries(p.manifest.dependencies ?? {})) {
        const d = data.packages.find((q) => q.id === id && q.version === v);
        if (d) visit(d);
      }
    };
    visit(hcoPkg);
    expect([...chain.keys()]).toEqual(
      expect.arrayContaining([
        'medcom.fhir.dk.core#2.4.0',
        'medcom.fhir.dk.messaging#3.0.0',
        'medcom.fhir.dk.terminology#2.0.2',
        'medcom.fhir.dk.messagedefinitions#1.0.1-trial-use',
        'hl7.fhir.dk.core#3.4.0',
      ]),
    );
    let n = 0;
    for (const p of chain.values()) {
      for (const r of p.resources.filter((x) => ['StructureDefinition', 'ValueSet', 'CodeSystem'].includes(x.resourceType))) {
        expect(existsSync(join(all, ...pagePath(p, r).split('/'))), pagePath(p, r)).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(100);
    // the HCO package itself: its four profiles
    expect(hcoPkg.resources.filter((r) => r.resourceType === 'StructureDefinition')).toHaveLength(4);
  });

  it('keeps package versions apart and links each standard to the versions it uses', () => {
    for (const v of ['2.4.0', '4.0.0']) expect(existsSync(join(all, 'pkg', 'medcom.fhir.dk.core', v, 'index.html'))).toBe(true);
    for (const v of ['3.2.0', '3.4.0', '3.5.0']) expect(existsSync(join(all, 'pkg', 'hl7.fhir.dk.core', v, 'index.html'))).toBe(true);
    const hco = site(all, 'ig/hco/index.html');
    expect(hco).toContain('href="../../pkg/medcom.fhir.dk.core/2.4.0/index.html"');
    // hco's current version, 1.2.1, is on terminology 2.0.2
    expect(hco).toContain('href="../../pkg/medcom.fhir.dk.terminology/2.0.2/index.html"');
    expect(hco).not.toContain('pkg/medcom.fhir.dk.core/4.0.0/');
    const notes = site(all, 'ig/notes/index.html');
    expect(notes).toContain('href="../../pkg/medcom.fhir.dk.core/4.0.0/index.html"');
    expect(notes).not.toContain('pkg/medcom.fhir.dk.core/2.4.0/');
  });

  it('resolves every relative link (href and src) of every page to a file, and every #fragment to an id', () => {
    const files = walk(all);
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string): Set<string> => {
      let s = ids.get(file);
      if (!s) {
        s = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
        ids.set(file, s);
      }
      return s;
    };
    let links = 0;
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
        if (/^(https?|mailto):/i.test(raw)) continue;
        expect(raw, `${file}: ${raw}`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i); // no javascript:, data:, file: …
        links++;
        const [pathPart, fragment] = raw.split('#') as [string, string | undefined];
        const target = pathPart === '' ? file : join(dirname(file), decodeURIComponent(pathPart));
        if (!existsSync(target) || !statSync(target).isFile()) {
          broken.push(`${relative(all, file)} → ${raw}`);
          continue;
        }
        if (fragment !== undefined && fragment !== '' && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
          broken.push(`${relative(all, file)} → ${raw} (no id ${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(5000);
  });

  it('loads nothing from the network: no external script, stylesheet, image or frame; no script at all', () => {
    for (const file of walk(all)) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.css')) {
        expect(text).not.toMatch(/@import|url\(/i);
        continue;
      }
      expect(text, file).not.toMatch(/<(script|iframe|object|embed)\b/i);
      expect(text, file).not.toMatch(/<(link|img|source|video|audio|input)\b[^>]*\s(src|href|srcset)="(https?:)?\/\//i);
      expect(text, file).not.toMatch(/\sstyle="[^"]*url\(/i);
    }
  });

  it('shows the HCO analysis repertoire as a table: every NPU code with its display and short name', () => {
    const terminology = data.packages.find((p) => p.id === 'medcom.fhir.dk.terminology' && p.version === '2.0.0-draft')!;
    const cs = terminology.resources.find((r) => r.resourceType === 'CodeSystem' && r.url === 'urn:oid:1.2.208.176.2.1')!;
    const concepts = cs['concept'] as { code: string; display: string; designation: { value: string }[] }[];
    expect(concepts).toHaveLength(35);
    const html = site(all, pagePath(terminology, cs));
    expect(html).toContain('<th>Short name (synonym)</th>');
    for (const c of concepts) {
      expect(html).toContain(
        `<tr><td class="d0"><code>${c.code}</code></td><td>${escapeHtml(c.display)}</td><td>${escapeHtml(c.designation[0]!.value)}</td>`,
      );
    }
    expect(html).toContain('<code>NPU02593</code></td><td>B—Leukocytter; antalk. &#x3D; ? × 10^9/L</td><td>Leukocytter;B</td>');
    // the repertoire value set links to that code system and lists its codes from the resource
    const vs = site(all, 'pkg/medcom.fhir.dk.terminology/2.0.0-draft/ValueSet-npu-observation-codes-valueset.html');
    expect(vs).toContain('href="CodeSystem-npu-observation-codes.html"');
    expect(vs).toContain('<code>DNK05473</code>');
    // reverse link: the code system page names the value set that includes it
    expect(html).toMatch(
      /<h2 id="used-by">Used by ValueSets<\/h2><ul class="used-by"><li><a href="ValueSet-npu-observation-codes-valueset\.html"/,
    );
    // and the MCS value set expands locally
    const mcs = site(all, 'pkg/medcom.fhir.dk.terminology/2.0.0-draft/ValueSet-medcom-observation-valueset.html');
    expect(mcs).toMatch(/<p>4 codes, as the validator/);
    for (const code of ['MCS88122', 'MCS88125', 'MCS88126', 'MCS88147']) expect(mcs).toContain(`<code>${code}</code>`);
  });

  it('shows invariants with their expression, slicing, flags and links on the HCO MessageHeader profile page', () => {
    const sd = hcoPkg.resources.find((r) => r.id === 'medcom-homecareobservation-messageheader')!;
    const html = site(all, pagePath(hcoPkg, sd));
    const row = /<tr id="inv-medcom-hcobs-definition-url">([\s\S]*?)<\/tr>/.exec(html)?.[1];
    expect(row).toBeDefined();
    expect(row).toContain('<td>error</td>');
    expect(row).toContain(
      escapeHtml(
        // 1.1.1+ (hco's current 1.2.1): `…MessageDefinition|1.x`, the `|` unescaped as published
        "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1[.][0-9]{1,2}$')",
      ),
    );
    expect(row).toContain('MessageHeader.definition');
    // parent: MedCom messaging 3.0.0's MessageHeader, as HCO sees it
    expect(html).toMatch(
      /<th>Parent<\/th><td><a href="\.\.\/\.\.\/medcom\.fhir\.dk\.messaging\/3\.0\.0\/StructureDefinition-medcom-messaging-messageHeader\.html"/,
    );
    // a snapshot row: must-support definition 1..1 with its invariant
    const def = /<tr id="s-MessageHeader\.definition">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(def).toContain('title="must support">S</span>');
    expect(def).toContain('<td class="card">1..1</td>');
    // differential: the pattern on event[x], compactly
    const event = /<tr id="d-MessageHeader\.event_x_">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(event).toContain('<span class="vk">pattern</span>');
    expect(event).toContain('homecareobservation-message');
    // reference target profiles link to their pages
    expect(html).toContain('href="../../medcom.fhir.dk.messaging/3.0.0/StructureDefinition-medcom-requesterorganization.html"');
  });

  it('shows slicing with discriminators and binding links on the HCO Observation profile page', () => {
    const sd = hcoPkg.resources.find((r) => r.id === 'medcom-homecare-observation')!;
    const html = site(all, pagePath(hcoPkg, sd));
    const slicing = /<h2 id="slicing">Slicing<\/h2>([\s\S]*?)<h2/.exec(html)?.[1] ?? '';
    expect(slicing).toMatch(/<code>Observation\.code\.coding<\/code><\/a><\/td><td>(value|pattern) <code>/);
    expect(html).toContain('href="../../medcom.fhir.dk.terminology/2.0.2/ValueSet-npu-observation-codes-valueset.html"');
  });

  it('documents extensions with their context and value type', () => {
    const core = data.packages.find((p) => p.id === 'medcom.fhir.dk.core' && p.version === '4.0.0')!;
    const ext = core.resources.find((r) => r.id === 'medcom-observation-value-attachment-extension')!;
    expect(ext).toBeDefined();
    const html = site(all, pagePath(core, ext));
    expect(html).toMatch(/<tr><th>Context<\/th><td>element: <code>[^<]+<\/code>/);
    expect(html).toMatch(/<tr><th>Value<\/th><td>Attachment/);
  });

  it('shows our valid examples for each standard as JSON and, where there is one, as XML', () => {
    const html = site(all, 'ig/hco/examples/new-message-quantity.html');
    expect(html).toContain('<h2>JSON (examples/hco/valid/new-message-quantity.json)</h2>');
    expect(html).toContain('<h2>XML (examples/hco/valid/new-message-quantity.xml)</h2>');
    expect(html).toContain('&lt;Bundle xmlns&#x3D;&quot;http://hl7.org/fhir&quot;&gt;');
    expect(html).toContain('&quot;resourceType&quot;: &quot;Bundle&quot;');
    expect(site(all, 'ig/hco/index.html')).toContain('href="examples/new-message-quantity.html"');
    expect(existsSync(join(all, 'ig', 'hco', 'examples', 'new-message-string-results.html'))).toBe(true);
  });

  it('has a page of version changes for every package documented in several versions, linked from both versions', () => {
    const core = site(all, 'pkg/medcom.fhir.dk.core/changes-2.4.0-to-4.0.0.html');
    // the identifier invariant that stops being vacuous in 4.0.0 (the same finding as `medcom-ig diff`)
    expect(core).toMatch(
      /<tr class="breaking"><td>breaking<\/td><td>invariant-changed<\/td><td><code>Identifier\.value<\/code><\/td><td>Identifier\.value invariant medcom-uuidv4: expression &quot;value\.matches\(/,
    );
    expect(core).toContain('href="4.0.0/StructureDefinition-medcom-assigned-identifier.html"');
    for (const v of ['2.4.0', '4.0.0'])
      expect(site(all, `pkg/medcom.fhir.dk.core/${v}/index.html`)).toContain('href="../changes-2.4.0-to-4.0.0.html"');
    for (const page of [
      'pkg/hl7.fhir.dk.core/changes-3.2.0-to-3.4.0.html',
      'pkg/hl7.fhir.dk.core/changes-3.4.0-to-3.5.0.html',
      'pkg/medcom.fhir.dk.terminology/changes-1.8.1-to-2.0.0-draft.html',
      'pkg/medcom.fhir.dk.terminology/changes-2.0.0-draft-to-2.0.2.html',
      'pkg/medcom.fhir.dk.document/changes-1.0.1-to-2.0.2.html',
    ]) {
      expect(existsSync(join(all, ...page.split('/'))), page).toBe(true);
    }
    // dk-core 3.5.0 moved the NPU slice system
    expect(site(all, 'pkg/hl7.fhir.dk.core/changes-3.4.0-to-3.5.0.html')).toMatch(
      /fixed-changed.*urn:oid:1\.2\.208\.176\.2\.1.*http:\/\/npu-terminology\.org/,
    );
  });

  it('renders every page of the rule catalogue, with working links between them', () => {
    const rulesDir = join(root, 'docs', 'rules');
    const md = walk(rulesDir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => relative(rulesDir, f).split(sep).join('/'));
    expect(md.length).toBeGreaterThan(40);
    for (const f of md) {
      const page = `rules/${f.replace(/(^|\/)README\.md$/, '$1index.md').replace(/\.md$/, '.html')}`;
      expect(existsSync(join(all, ...page.split('/'))), page).toBe(true);
    }
    const index = site(all, 'rules/index.html');
    expect(index).toContain('<a href="slicing/ordered.html">slicing/ordered</a>');
    expect(index).toContain('<table class="md">');
    const ordered = site(all, 'rules/slicing/ordered.html');
    expect(ordered).toContain('<h1 id="slicingordered">slicing/ordered</h1>');
    expect(ordered).toContain('<strong>error</strong>');
    expect(site(all, 'ig/hco/index.html')).toContain('href="../../rules/index.html"');
  });

  it('is deterministic: a second run (packages read again) writes the same bytes', async () => {
    const again = join(tmp, 'again');
    await generateSite(await input(), { out: again });
    const a = walk(all).map((f) => relative(all, f));
    const b = walk(again).map((f) => relative(again, f));
    expect(b).toEqual(a);
    for (const f of a) expect(readFileSync(join(again, f)).equals(readFileSync(join(all, f))), f).toBe(true);
  });
});

describe('medcom-ig docs: escaping and selection', () => {
  it('escapes HTML special characters from the packages', async () => {
    const hostile = '<script>alert("x")</script> & <b>';
    const packages = data.packages.map((p) => {
      if (p !== hcoPkg) return p;
      const resources = p.resources.map((r) => {
        if (r.id !== 'medcom-homecareobservation-messageheader') return r;
        const copy = structuredClone(r);
        copy['description'] = `Description ${hostile}`;
        const el = (copy['snapshot'] as { element: Record<string, unknown>[] }).element.find(
          (e) => e['id'] === 'MessageHeader.definition',
        )!;
        el['short'] = `Short ${hostile}`;
        return copy;
      });
      return { ...p, resources };
    });
    const out = join(tmp, 'hostile');
    await generateSite({ ...data, packages }, { out, igs: ['hco'] });
    const html = site(
      out,
      pagePath(
        hcoPkg,
        hcoPkg.resources.find((r) => r.id === 'medcom-homecareobservation-messageheader')!,
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('Description &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(html).toContain('Short &lt;script&gt;');
    // only the chosen standard and its chain
    expect(existsSync(join(out, 'ig', 'hco', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'ig', 'notes'))).toBe(false);
    expect(existsSync(join(out, 'pkg', 'medcom.fhir.dk.notes'))).toBe(false);
    expect(existsSync(join(out, 'pkg', 'medcom.fhir.dk.core', '4.0.0'))).toBe(false);
  });

  it('has no triple-stash in its templates (every value escaped)', () => {
    const source = readFileSync(join(root, 'src', 'site', 'templates.ts'), 'utf8');
    expect(source).not.toContain('{{{');
    expect(source).toContain('Handlebars.create()');
  });

  it('rel() gives relative hrefs between site pages', () => {
    expect(rel('pkg/a/1.0.0/x.html', 'pkg/b/2.0.0/y.html')).toBe('../../b/2.0.0/y.html');
    expect(rel('index.html', 'assets/site.css')).toBe('assets/site.css');
    expect(rel('pkg/a/1.0.0/x.html', 'pkg/a/1.0.0/x.html')).toBe('x.html');
    expect(posix.isAbsolute(rel('ig/hco/index.html', 'index.html'))).toBe(false);
  });
});

describe('site Markdown renderer (markdown-it, CommonMark)', () => {
  const link = (href: string): string | undefined =>
    href.endsWith('.md') ? href.replace(/\.md$/, '.html') : /^https?:/.test(href) ? href : undefined;

  it('escapes raw HTML and drops links the site does not have', () => {
    const html = renderMarkdown('A <script>x</script> & [bad](javascript:alert(1)) [ok](a.md) [gone](b.txt) `<b>`', { link });
    // CommonMark: a javascript: destination is not a link at all, so the source stays as text
    expect(html).toBe(
      '<p>A &lt;script&gt;x&lt;/script&gt; &amp; [bad](javascript:alert(1)) <a href="a.html">ok</a> gone <code>&lt;b&gt;</code></p>\n',
    );
  });

  it('never renders a javascript:, vbscript:, data: or file: target as a link, whatever the link rule says', () => {
    const all = (): string => 'x';
    for (const target of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:x',
      'data:text/html,<b>x</b>',
      'data:image/png;base64,AAAA',
      'file:///etc/passwd',
    ]) {
      for (const md of [`[t](${target})`, `<${target}>`, `[t][r]\n\n[r]: ${target}`]) {
        const html = renderMarkdown(md, { link: all });
        expect(html, md).not.toMatch(/<a\s/);
        expect(html, md).not.toMatch(/href=/);
      }
    }
    // the link rule still decides the rest
    expect(renderMarkdown('[t](https://example.org/x)', { link: all })).toContain('<a href="x">t</a>');
  });

  it('renders no images and no raw HTML blocks', () => {
    const html = renderMarkdown('![alt](https://example.org/a.png)\n\n<div onclick="x()">hi</div>', { link });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<div');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;');
  });

  it('renders headings with ids, tables, lists, fences, emphasis', () => {
    const html = renderMarkdown(
      [
        '# Rule `a/b`',
        '',
        'Severity: **error** · *maybe* _too_',
        '',
        '| a | b |',
        '|---|:-:|',
        '| `x\\|y` | [l](b.md) |',
        '',
        '- one',
        '  continued',
        '- two',
        '  1. nested',
        '',
        '```sh',
        'echo <hi>',
        '```',
        '> quoted',
        '',
        '# Rule `a/b`',
      ].join('\n'),
      { link },
    );
    expect(html).toContain('<h1 id="rule-ab">Rule <code>a/b</code></h1>');
    expect(html).toContain('<h1 id="rule-ab-1">Rule <code>a/b</code></h1>');
    expect(html).toContain('<p>Severity: <strong>error</strong> · <em>maybe</em> <em>too</em></p>');
    expect(html).toContain(
      '<table class="md">\n<thead>\n<tr>\n<th>a</th>\n<th class="center">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n' +
        '<td><code>x|y</code></td>\n<td class="center"><a href="b.html">l</a></td>\n</tr>\n</tbody>\n</table>',
    );
    expect(html).toContain('<ul>\n<li>one\ncontinued</li>\n<li>two\n<ol>\n<li>nested</li>\n</ol>\n</li>\n</ul>');
    expect(html).toContain('<pre><code class="lang-sh">echo &lt;hi&gt;\n</code></pre>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
  });

  it('reads emphasis and code spans across line breaks (CommonMark; the old subset did not)', () => {
    const html = renderMarkdown('an **export\nBundle** with `--purpose\naktindsigt`', { link });
    expect(html).toBe('<p>an <strong>export\nBundle</strong> with <code>--purpose aktindsigt</code></p>\n');
  });
});

describe('medcom-ig docs (CLI)', () => {
  it('writes the site for one standard and exits 0', () => {
    const out = join(tmp, 'cli');
    const r = spawnSync(process.execPath, [bin, 'docs', '--out', out, '--ig', 'conditionlist'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote \d+ pages for conditionlist/);
    expect(existsSync(join(out, 'ig', 'conditionlist', 'index.html'))).toBe(true);
  });

  it('rejects an unknown standard with exit 2 and a clear message', () => {
    const r = spawnSync(process.execPath, [bin, 'docs', '--out', join(tmp, 'bad'), '--ig', 'nope'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--ig nope: expected one of conditionlist, notes, hco');
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it('rejects a --from folder without packages with exit 2', () => {
    const r = spawnSync(process.execPath, [bin, 'docs', '--out', join(tmp, 'bad2'), '--from', tmp], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no packages/);
  });
});
