/**
 * Without --ig or --profile, a document is validated in the scope of the package its root's
 * meta.profile comes from: the same canonical means different rules per chain (MedCom Document
 * 1.0.1 vs 2.0.2, MedCom Core 2.4.0 vs 4.0.0), and the first registered version must not win.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGS } from '../../src/api/igs.js';
import { newValidator } from '../../src/api/validate.js';
import { igDefinitions, issuesOf } from '../helpers/validate.js';

const NOTE = join(import.meta.dirname, '..', '..', 'examples', 'notes', 'valid', 'encounter-note-organization.json');

describe('scope from the root meta.profile', () => {
  // Document 2.0.2's Patient (on Core 4.0.0) requires a narrative; Document 1.0.1's does not
  const bundle = JSON.parse(readFileSync(NOTE, 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
  const patient = bundle.entry.findIndex((e) => e.resource['resourceType'] === 'Patient');
  delete bundle.entry[patient]!.resource['text'];
  const text = JSON.stringify(bundle, null, 2);

  it('a Notes bundle without --ig gets the Notes chain (Document 2.0.2), as with --ig notes', async () => {
    const defs = await igDefinitions();
    const at = `Bundle.entry[${patient}].resource.text`;
    const unscoped = newValidator(defs).validateText('note.json', text);
    const scoped = newValidator(defs, { scopeProfile: IGS.notes.bundleProfile }).validateText('note.json', text, {
      profiles: [IGS.notes.bundleProfile],
    });
    expect(issuesOf(scoped, 'cardinality/min').map((i) => i.location.fhirpath)).toContain(at);
    expect(issuesOf(unscoped, 'cardinality/min').map((i) => i.location.fhirpath)).toContain(at);
    const key = (i: { ruleId: string; location: { fhirpath: string } }): string => `${i.ruleId} ${i.location.fhirpath}`;
    expect(unscoped.issues.map(key).sort()).toEqual(scoped.issues.map(key).sort());
  });
});
