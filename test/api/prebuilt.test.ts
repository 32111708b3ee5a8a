/**
 * The prebuilt packages `npm run compile` writes to dist/ig (the validator's copy of our build):
 * current, loaded from their .index.json, and slim.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGS } from '../../src/api/igs.js';

// the compiled modules: dist/ig is found relative to them (npm test compiles first)
const DIST = '../../dist/src/';
const { loadPrebuilt, PREBUILT_DIR } = (await import(`${DIST}api/prebuilt.js`)) as typeof import('../../src/api/prebuilt.js');
const { Definitions } = (await import(`${DIST}defs/registry.js`)) as typeof import('../../src/defs/registry.js');

describe('prebuilt packages (dist/ig)', () => {
  it('are current and hold all three standards', async () => {
    const defs = new Definitions();
    expect(await loadPrebuilt(defs)).toBe(true);
    for (const ig of Object.values(IGS))
      expect(defs.all().resolve(ig.bundleProfile, 'StructureDefinition')?.from.packageId).toBe(ig.packageId);
  });

  it('store definitions without narratives and element texts', () => {
    const dir = readdirSync(PREBUILT_DIR).find((f) => f.startsWith('medcom.fhir.dk.homecareobservation#'))!;
    const pkg = join(PREBUILT_DIR, dir, 'package');
    const file = readdirSync(pkg).find((f) => f.startsWith('StructureDefinition-'))!;
    const sd = JSON.parse(readFileSync(join(pkg, file), 'utf8')) as {
      text?: unknown;
      snapshot: { element: { definition?: unknown; path: string }[] };
    };
    expect(sd.text).toBeUndefined();
    expect(sd.snapshot.element.length).toBeGreaterThan(0);
    expect(sd.snapshot.element.every((e) => e.definition === undefined)).toBe(true);
  });
});
