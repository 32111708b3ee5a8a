/**
 * The sub-extensions of a complex extension (relative urls such as `code`) belong to the extension's
 * definition: they are matched to its url slices there, and are not extensions of their own to look up
 * (which reported every one of them as structure/unknown-extension).
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, validate } from '../../helpers/validate.js';

const NATIONALITY = 'http://hl7.org/fhir/StructureDefinition/patient-nationality';

describe('complex extensions', () => {
  it('a sub-extension the definition has is not an unknown extension; one it lacks is an unknown sub-extension', async () => {
    const r = await validate({
      resourceType: 'Patient',
      extension: [
        {
          url: NATIONALITY,
          extension: [
            { url: 'code', valueCodeableConcept: { text: 'DK' } },
            { url: 'bogus', valueString: 'x' },
          ],
        },
      ],
    });
    expect(issuesOf(r, 'structure/unknown-sub-extension').map((i) => i.location.fhirpath)).toEqual(['Patient.extension[0].extension[1]']);
    expect(issuesOf(r, 'structure/unknown-extension')).toEqual([]);
  });

  it('the sub-extensions are still checked against the definition (a required one missing)', async () => {
    const r = await validate({
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'note' },
      extension: [
        {
          url: 'https://medcom-ig.example/fhir/local/StructureDefinition/gp-note-private-marking',
          extension: [{ url: 'markedAt', valueDateTime: '2025-06-03T11:30:00+02:00' }],
        },
      ],
    });
    expect(issuesOf(r, 'slicing/slice-min').map((i) => [i.location.fhirpath, i.params['slice']])).toEqual([
      ['Observation.extension[0].extension', 'marked'],
    ]);
    expect(issuesOf(r, 'structure/unknown-extension')).toEqual([]);
  });

  it('an unknown complex extension is reported once, not its sub-extensions', async () => {
    const r = await validate({
      resourceType: 'Patient',
      extension: [{ url: 'http://example.org/unknown-complex', extension: [{ url: 'code', valueString: 'DK' }] }],
    });
    expect(issuesOf(r, 'structure/unknown-extension').map((i) => i.location.fhirpath)).toEqual(['Patient.extension[0]']);
  });
});
