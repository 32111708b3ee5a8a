import { definePackage } from '../../../src/dsl/index.js';

/**
 * OUR OWN local definitions, not MedCom's and not part of any MedCom standard (issue 6): what the
 * general-practice agreement on shared journal notes needs and MedCom Notes 1.0.0 cannot carry —
 * a private marking and the consultation type of a note (../shared/research/medcom-igs.md §3.5, §10.1).
 *
 * The canonical base `https://medcom-ig.example/fhir/local` is deliberately under `.example`
 * (RFC 2606): it cannot be mistaken for `http://medcomfhir.dk/…`, and it is a placeholder until the
 * project has a namespace of its own. Package id `medcom-ig.local`.
 */
export const pkg = definePackage({
  id: 'medcom-ig.local',
  version: '0.1.0',
  canonical: 'https://medcom-ig.example/fhir/local',
  name: 'MedcomIgLocal',
  title: 'medcom-ig local extensions for GP journal notes (not MedCom)',
  description:
    'Local extensions and terminology of the medcom-ig toolkit for the general-practice agreement on shared journal notes: private marking and consultation type, and the GP note source profiles for the clinic system upload of a note. Not part of any MedCom standard.',
  // the GP note source profiles derive from MedCom Notes 1.0.0's note (and its Document 2.0.2 resources)
  dependencies: { 'medcom.fhir.dk.notes': '1.0.0' },
  coverage: 'complete',
  coverageNote: 'Our own definitions; there is no official package to compare with.',
  status: 'draft',
  defaults: { publisher: 'medcom-ig (not MedCom)', date: '2026-11-22' },
});
