/**
 * The UCUM units decided at install time (dist/ig/ucum-units.json, written by stampPrebuilt): a cold start
 * answers them without loading @lhncbc/ucum-lhc. The table must hold only what the library itself decides
 * valid, be used only with the library that made it, and never change a decision.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { prebuiltUcumUnits } from '../../src/standards/prebuilt.js';
import { ucumLibrary, UcumUnits, validUcumCodes } from '../../src/validator/terminology/ucum.js';

// the compiled prebuilt packages (npm test compiles first)
const DIST_IG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'ig');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ucum-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function table(content: unknown): string {
  const dir = mkdtempSync(join(tmp, 't-'));
  writeFileSync(join(dir, 'ucum-units.json'), JSON.stringify(content));
  return dir;
}

describe('the install-time UCUM table', () => {
  it('is written by npm run compile and holds the units of ucum-common and of our packages, each one valid', () => {
    const known = prebuiltUcumUnits(DIST_IG);
    expect(known, 'dist/ig/ucum-units.json (npm run compile writes it)').toBeDefined();
    // ucum-common's units and those HCO's and DK Core's profiles name
    for (const u of ['%', '/min', 'Cel', 'kg', 'mm[Hg]', 'mmol/L', '10*9/L', 'kPa']) expect(known!.has(u), u).toBe(true);
    const units = [...known!];
    expect(units.length).toBeGreaterThan(1000);
    // the library, asked afresh, agrees with every entry
    expect(validUcumCodes(units)).toEqual([...units].sort());
  });

  it('answers from the table, and asks the library about every other unit', () => {
    const units = new UcumUnits(new Set(['mg']));
    expect(units.decide('mg')).toEqual({ valid: true });
    expect(units.decide('mmol/L')).toEqual({ valid: true });
    expect(units.decide('mgg').valid).toBe(false);
    expect(units.decide('degF').valid).toBe(false); // accepted by the library only as [degF]
  });

  it('is not used with another library version, nor when malformed or missing', () => {
    const lib = ucumLibrary();
    expect(lib).toBeDefined();
    expect(prebuiltUcumUnits(table({ library: lib, units: ['kg'] }))).toEqual(new Set(['kg']));
    expect(prebuiltUcumUnits(table({ library: { ...lib, version: '0.0.1' }, units: ['kg'] }))).toBeUndefined();
    expect(
      prebuiltUcumUnits(table({ library: { file: join(tmp, 'nowhere.json'), version: lib!.version }, units: ['kg'] })),
    ).toBeUndefined();
    expect(prebuiltUcumUnits(table({ library: lib }))).toBeUndefined();
    expect(prebuiltUcumUnits(table('not a table'))).toBeUndefined();
    expect(prebuiltUcumUnits(join(tmp, 'no-such-dir'))).toBeUndefined();
  });
});
