import { defineExtension, required } from '../../../src/dsl/index.js';
import { pkg } from './package.js';
import { ConsultationTypes } from './terminology.js';

/**
 * Private marking (privatmarkering) of a GP journal note: marked yes/no, when, by whom. The GP can set
 * it when writing the note or after it has been shared; a privately marked note is not shared with
 * patients or health professionals, but is handed to the patient on a request for access (aktindsigt).
 * Ours, not MedCom's: MedCom Notes 1.0.0 fixes Composition.confidentiality to N and leaves "do not share"
 * to PLSP (research §3.5). Rule: business/notes-private-shared.
 */
export const PrivateMarking = defineExtension(pkg, {
  id: 'gp-note-private-marking',
  name: 'GpNotePrivateMarking',
  title: 'Private marking of a GP journal note (medcom-ig local, not MedCom)',
  description:
    'Whether the GP has marked the note private (not shared), when and by whom. Local to medcom-ig; not part of any MedCom standard.',
  context: ['Observation', 'Composition'],
  short: 'Private marking (privatmarkering) — medcom-ig local, not MedCom',
  extensions: {
    marked: { card: '1..1', value: ['boolean'], short: 'The note is privately marked' },
    markedAt: { card: '0..1', value: ['dateTime'], short: 'When the marking was set (or removed)' },
    markedBy: { card: '0..1', value: ['Reference'], short: 'Who set the marking (a Practitioner or PractitionerRole)' },
  },
});

/** The consultation a GP journal note was made in. Ours, not MedCom's. Rule: business/notes-consultation-type. */
export const ConsultationType = defineExtension(pkg, {
  id: 'gp-note-consultation-type',
  name: 'GpNoteConsultationType',
  title: 'Consultation type of a GP journal note (medcom-ig local, not MedCom)',
  description:
    'The consultation the note was made in: home visit, video, telephone or physical. Local to medcom-ig; not part of any MedCom standard.',
  context: ['Observation', 'Composition'],
  short: 'Consultation type — medcom-ig local, not MedCom',
  value: ['Coding'],
  elements: { 'value[x]': { card: '1..', binding: required(ConsultationTypes) } },
});
