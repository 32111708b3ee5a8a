import { defineInvariant, defineProfile, R4 } from '../../../src/dsl/index.js';
import { MedComDocumentOrganization, MedComDocumentPatient, MedComDocumentPractitioner } from '../../medcom-document/2.0.2/resources.js';
import { medcomDatetimeHasTimeOffsetZulu } from '../../medcom-document/2.0.2/invariants.js';
import { MedComNotesObservation } from '../../medcom-notes/1.0.0/profiles.js';
import { ConsultationType, PrivateMarking } from './extensions.js';
import { pkg } from './package.js';

/*
 * The "GP note source" profile set (issue 6, item 2): the record a clinic system (LPS) uploads to
 * PLSP before PLSP makes a MedCom Notes document of it. OURS, not MedCom's: MedCom publishes no
 * profile for the LPS → PLSP upload (research §3.5). docs/local-extensions.md "GP note source".
 *
 * The note is MedCom Notes 1.0.0's note Observation (what a Notes document carries), so the
 * document PLSP makes can hand it on unchanged; the source adds what the upload needs and the Notes
 * document cannot carry: the consultation type (required), the private marking (allowed: the upload
 * is not a share), the author person (required), a stable identifier (required: PLSP and the
 * national service follow the note by it) and the time of the latest update (`issued`, which PLSP
 * maps to Composition.date; `effectiveDateTime` is the creation time, mapped to event.period.start).
 * The upload is a small transaction Bundle: the note, its Patient, its author Practitioner and the
 * clinic (Organization, which Notes requires as performer).
 */

const note = (extra: object): object => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'note' },
  effectiveDateTime: '2025-06-03T10:45:00+02:00',
  ...extra,
});

/** The latest update of the note is not before its creation. */
export const gpNoteSourceUpdated = defineInvariant({
  key: 'gp-note-source-updated',
  severity: 'error',
  human: 'The time of the latest update (issued) is not before the creation of the note (effectiveDateTime). (medcom-ig local, not MedCom)',
  expression: 'issued.empty() or effective.empty() or issued >= effective',
  focus: 'Observation',
  examples: {
    pass: [
      note({ issued: '2025-06-03T11:20:00+02:00' }),
      note({ issued: '2025-06-03T08:45:00Z' }), // the same instant in another zone
      note({}),
    ],
    fail: [note({ issued: '2025-06-03T10:44:59+02:00' }), note({ issued: '2025-06-03T08:00:00Z' })],
  },
});

const upload = (...methods: string[]): object => ({
  resourceType: 'Bundle',
  type: 'transaction',
  entry: methods.map((method, i) => ({
    fullUrl: `urn:uuid:6a3f0c2e-0000-4000-8000-00000000000${i}`,
    resource: { resourceType: 'Basic' },
    request: { method, url: 'Basic' },
  })),
});

/** An upload creates or updates records: every entry is a POST or a PUT. */
export const gpNoteSourceRequest = defineInvariant({
  key: 'gp-note-source-request',
  severity: 'error',
  human: 'Every entry of the upload is created (POST) or updated (PUT); an upload neither reads nor deletes. (medcom-ig local, not MedCom)',
  expression: "entry.all(request.method = 'POST' or request.method = 'PUT')",
  focus: 'Bundle',
  examples: {
    pass: [upload('POST', 'POST', 'PUT'), upload()],
    fail: [upload('POST', 'DELETE'), upload('GET')],
  },
});

/** The note as the clinic system uploads it: MedCom Notes 1.0.0's note, with what the upload adds. */
export const GpNoteSourceObservation = defineProfile(pkg, MedComNotesObservation, {
  id: 'gp-note-source-observation',
  name: 'GpNoteSourceObservation',
  title: 'GP note source: the note (medcom-ig local, not MedCom)',
  description:
    'A GP journal note as the clinic system (LPS) uploads it to PLSP, before a MedCom Notes document is made of it: the Notes 1.0.0 note Observation with a stable identifier, the author person, the consultation type, the time of the latest update and, optionally, the private marking. Local to medcom-ig; not part of any MedCom standard.',
  obeys: [gpNoteSourceUpdated],
  elements: {
    extension: {
      extensions: {
        consultationType: { extension: ConsultationType, card: '1..1', ms: true },
        privateMarking: { extension: PrivateMarking, card: '0..1', ms: true },
      },
    },
    identifier: { card: '1..', ms: true, short: "The note's stable identifier: PLSP and the national service follow the note by it" },
    subject: { card: '1..', ms: true, short: 'The patient (in the upload)' },
    'effective[x]': { short: 'When the note was created (Notes: event.period.start and effectiveDateTime)' },
    issued: {
      card: '1..',
      ms: true,
      obeys: [medcomDatetimeHasTimeOffsetZulu],
      short: 'When the note was last updated (Notes: Composition.date)',
    },
    'performer[practitioner]': { card: '1..', ms: true, short: 'The GP who wrote the note (the author)' },
    'performer[organization]': { ms: true, short: 'The clinic' },
  },
});

/** The upload: one note with its patient, author and clinic, as one transaction. */
export const GpNoteSourceBundle = defineProfile(pkg, R4.Bundle, {
  id: 'gp-note-source-bundle',
  name: 'GpNoteSourceBundle',
  title: 'GP note source: the upload (medcom-ig local, not MedCom)',
  description:
    "The clinic system's (LPS) upload of one GP journal note to PLSP: a transaction Bundle holding the note (GpNoteSourceObservation), its Patient, its author Practitioner and the clinic Organization. Local to medcom-ig; not part of any MedCom standard.",
  obeys: [gpNoteSourceRequest],
  elements: {
    type: { fixed: 'transaction', short: 'An upload is a transaction' },
    timestamp: { card: '1..', ms: true, obeys: [medcomDatetimeHasTimeOffsetZulu], short: 'When the clinic system sent the upload' },
    entry: {
      card: '4..',
      ms: true,
      slicing: {
        discriminator: [{ type: 'type', path: '$this.resource' }],
        description: 'Slicing based on the resource type',
        rules: 'open',
      },
      slices: {
        note: {
          card: '1..1',
          ms: true,
          short: 'The note',
          elements: { resource: { only: [GpNoteSourceObservation] }, request: { card: '1..' } },
        },
        patient: {
          card: '1..1',
          ms: true,
          short: 'The patient',
          elements: { resource: { only: [MedComDocumentPatient] }, request: { card: '1..' } },
        },
        author: {
          card: '1..1',
          ms: true,
          short: 'The author',
          elements: { resource: { only: [MedComDocumentPractitioner] }, request: { card: '1..' } },
        },
        clinic: {
          card: '1..1',
          ms: true,
          short: 'The clinic',
          elements: { resource: { only: [MedComDocumentOrganization] }, request: { card: '1..' } },
        },
      },
    },
  },
});
