import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIg, type BuildResult } from '../../src/api/build.js';
import { igPackages } from '../../src/api/packages.js';
import { loadFromCache, loadPackagePath, PackageLoadError } from '../../src/defs/load-package.js';

let out: string;
let result: BuildResult;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'medcom-ig-pkg-'));
  result = await buildIg({ packages: await igPackages(), out, only: ['medcom.fhir.dk.conditionlist'] });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const CL = 'medcom.fhir.dk.conditionlist#1.0.1';

describe('medcom-ig build output', () => {
  it('writes every package of the chain, and only those', () => {
    expect(result.diagnostics.errors).toEqual([]);
    expect(readdirSync(out).sort()).toEqual([
      // MedCom Core 2.4.0 declares the FHIR Extensions Pack 5.1.0, of which we author a sliver
      'hl7.fhir.dk.core#3.2.0',
      'hl7.fhir.uv.extensions.r4#5.1.0',
      'medcom.fhir.dk.conditionlist#1.0.1',
      'medcom.fhir.dk.core#2.4.0',
      'medcom.fhir.dk.document#1.0.1',
      'medcom.fhir.dk.terminology#1.8.1',
      'medcom.fhir.dk.xdsmetadata#1.0.1',
    ]);
  });

  it('has a package.json mirroring MedCom’s, an .index.json and one file per resource', () => {
    const dir = join(out, CL, 'package');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'medcom.fhir.dk.conditionlist',
      version: '1.0.1',
      canonical: 'http://medcomfhir.dk/ig/conditionlist',
      fhirVersions: ['4.0.1'],
      dependencies: {
        'hl7.fhir.r4.core': '4.0.1',
        'medcom.fhir.dk.core': '2.4.0',
        'medcom.fhir.dk.document': '1.0.1',
        'hl7.fhir.dk.core': '3.2.0',
      },
    });
    const index = JSON.parse(readFileSync(join(dir, '.index.json'), 'utf8')) as {
      'index-version': number;
      files: { filename: string; url?: string }[];
    };
    expect(index['index-version']).toBe(1);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'package.json' && !f.startsWith('.'));
    expect(index.files.map((f) => f.filename).sort()).toEqual(files.sort());
    expect(index.files.find((f) => f.filename === 'StructureDefinition-medcom-conditionlist-condition.json')?.url).toBe(
      'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-condition',
    );
    const sd = JSON.parse(
      readFileSync(join(dir, 'StructureDefinition-medcom-conditionlist-condition.json'), 'utf8'),
    ) as fhir4.StructureDefinition;
    expect(sd.snapshot?.element.length).toBeGreaterThan(100);
    expect(sd.differential?.element.length).toBeGreaterThan(10);
    expect(existsSync(join(dir, 'ImplementationGuide-medcom.fhir.dk.conditionlist.json'))).toBe(true);
  });

  it('writes a .tgz that fhir-package-loader reads back', async () => {
    const tgz = join(out, CL, 'package.tgz');
    const pkg = await loadPackagePath(tgz);
    expect(pkg.manifest.name).toBe('medcom.fhir.dk.conditionlist');
    expect(pkg.find('http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle')?.resource.resourceType).toBe(
      'StructureDefinition',
    );
    expect(pkg.size).toBe(6);
  });

  it('loads back from the folder the same resources', async () => {
    const pkg = await loadPackagePath(join(out, CL));
    expect(pkg.label).toBe(CL);
    expect(pkg.size).toBe(6);
  });

  it('loads from a FHIR package cache folder by id#version (fhir-package-loader, offline)', async () => {
    const cache = join(out, 'cache');
    cpSync(join(out, CL), join(cache, CL), { recursive: true });
    const pkg = await loadFromCache('medcom.fhir.dk.conditionlist', '1.0.1', cache);
    expect(pkg.label).toBe(CL);
    expect(pkg.size).toBe(6);
    await expect(loadFromCache('medcom.fhir.dk.notes', '1.0.0', cache)).rejects.toBeInstanceOf(PackageLoadError);
  });

  it('is byte-identical when built twice', async () => {
    const again = mkdtempSync(join(tmpdir(), 'medcom-ig-pkg2-'));
    try {
      await buildIg({ packages: await igPackages(), out: again, only: ['medcom.fhir.dk.conditionlist'] });
      expect(readFileSync(join(again, CL, 'package.tgz')).equals(readFileSync(join(out, CL, 'package.tgz')))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('loading packages names the file and the reason', () => {
  it('rejects a missing path', async () => {
    await expect(loadPackagePath(join(out, 'nope'))).rejects.toBeInstanceOf(PackageLoadError);
  });
  it('rejects a file that is not a package', async () => {
    const f = join(out, CL, 'package', 'package.json');
    await expect(loadPackagePath(f)).rejects.toThrow(/package\.json: expected a package folder/);
  });
});
