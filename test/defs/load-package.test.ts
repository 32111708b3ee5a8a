/**
 * Loading FHIR packages from folders: every resource by default; for validation only the
 * definitions, without their narratives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackages, PackageLoadError } from '../../src/defs/load-package.js';
import { Resolver } from '../../src/defs/registry.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folder = join(tmp, 'defs');
mkdirSync(join(folder, 'examples'), { recursive: true });
writeFileSync(
  join(folder, 'sd.json'),
  JSON.stringify({
    resourceType: 'StructureDefinition',
    url: 'http://example.org/sd',
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">big</div>' },
  }),
);
writeFileSync(join(folder, 'vs.json'), JSON.stringify({ url: 'http://example.org/vs', resourceType: 'ValueSet' }));
writeFileSync(join(folder, 'examples', 'bundle.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection' }));
writeFileSync(join(folder, 'examples', 'late-type.json'), JSON.stringify({ id: 'x', resourceType: 'Patient' }));
writeFileSync(
  join(folder, 'examples', 'vs-among-examples.json'),
  JSON.stringify({ resourceType: 'ValueSet', url: 'http://example.org/among-examples' }),
);
writeFileSync(join(folder, 'late-type.json'), JSON.stringify({ id: 'y', resourceType: 'Patient' }));
writeFileSync(join(folder, 'broken.json'), '{ "resourceType": "Structure');

describe('loadPackages on a folder of resources', () => {
  it('loads every resource by default', async () => {
    const [pkg] = await loadPackages(folder);
    expect(pkg!.size).toBe(6);
  });

  it('loads only definitions, without narratives, for validation (example folders not read)', async () => {
    const [pkg] = await loadPackages(folder, { definitionsOnly: true });
    expect(pkg!.size).toBe(2);
    expect(pkg!.find('http://example.org/among-examples')).toBeUndefined();
    const sd = pkg!.find('http://example.org/sd')!.resource as { text?: unknown };
    expect(sd.text).toBeUndefined();
    expect(pkg!.find('http://example.org/vs')).toBeDefined();
  });

  it('names a folder without definitions', async () => {
    const only = join(tmp, 'examples-only');
    mkdirSync(only);
    writeFileSync(join(only, 'p.json'), JSON.stringify({ resourceType: 'Patient' }));
    await expect(loadPackages(only, { definitionsOnly: true })).rejects.toBeInstanceOf(PackageLoadError);
  });

  it('loads the Questionnaires of a folder for validation, resolvable by canonical (a QuestionnaireResponse is checked against them)', async () => {
    const forms = join(tmp, 'questionnaires');
    mkdirSync(forms);
    writeFileSync(
      join(forms, 'q.json'),
      JSON.stringify({ resourceType: 'Questionnaire', url: 'http://example.org/Questionnaire/intake', version: '1.0', status: 'active' }),
    );
    const [pkg] = await loadPackages(forms, { definitionsOnly: true });
    const hit = pkg!.find('http://example.org/Questionnaire/intake', '1.0');
    expect(hit?.resource.resourceType).toBe('Questionnaire');
    expect(new Resolver([pkg!]).resolve('http://example.org/Questionnaire/intake|1.0', 'Questionnaire')).toBeDefined();
  });

  it('reads a definition only when it is asked for', async () => {
    const lazy = join(tmp, 'lazy');
    mkdirSync(lazy);
    const big = '<div xmlns="http://www.w3.org/1999/xhtml">' + 'x'.repeat(40_000) + '</div>';
    // the url comes after a narrative longer than the first read
    writeFileSync(
      join(lazy, 'late-url.json'),
      JSON.stringify({ resourceType: 'ValueSet', text: { div: big }, url: 'http://example.org/late', version: '2.0.0' }),
    );
    writeFileSync(
      join(lazy, 'gone.json'),
      JSON.stringify({ resourceType: 'CodeSystem', url: 'http://example.org/gone', version: '1.0.0' }),
    );
    const [pkg] = await loadPackages(lazy, { definitionsOnly: true });
    expect(pkg!.find('http://example.org/late', '2.0.0')).toBeDefined();
    expect(pkg!.find('http://example.org/late', '2.0')).toBeDefined();
    expect((pkg!.find('http://example.org/late')!.resource as { text?: unknown }).text).toBeUndefined();
    rmSync(join(lazy, 'gone.json'));
    const gone = pkg!.find('http://example.org/gone');
    expect(gone).toBeDefined(); // indexed from its first bytes, not read since
    expect(() => gone!.resource).toThrow(PackageLoadError);
  });
});

describe('loadPackages with trustIndex (our prebuilt packages)', () => {
  const pkgDir = join(tmp, 'pkg', 'package');
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'ex.pkg', version: '1.0.0' }));
  writeFileSync(
    join(pkgDir, 'StructureDefinition-a.json'),
    JSON.stringify({
      resourceType: 'StructureDefinition',
      url: 'http://example.org/a',
      version: '1.0.0',
      text: { status: 'generated', div: '<div/>' },
    }),
  );
  writeFileSync(join(pkgDir, 'Patient-p.json'), JSON.stringify({ resourceType: 'Patient', id: 'p' }));
  writeFileSync(
    join(pkgDir, '.index.json'),
    JSON.stringify({
      'index-version': 1,
      files: [
        { filename: 'StructureDefinition-a.json', resourceType: 'StructureDefinition', url: 'http://example.org/a', version: '1.0.0' },
        { filename: 'Patient-p.json', resourceType: 'Patient', id: 'p' },
      ],
    }),
  );

  it('indexes the definitions .index.json lists, reading a file only when asked for', async () => {
    const [trusted] = await loadPackages(join(tmp, 'pkg'), { definitionsOnly: true, trustIndex: true });
    const [scanned] = await loadPackages(join(tmp, 'pkg'), { definitionsOnly: true });
    expect(trusted!.size).toBe(1);
    expect(trusted!.size).toBe(scanned!.size);
    const a = trusted!.find('http://example.org/a', '1.0.0')!.resource as { text?: unknown; url: string };
    expect(a.url).toBe('http://example.org/a');
    expect(a.text).toBeUndefined();
  });
});
