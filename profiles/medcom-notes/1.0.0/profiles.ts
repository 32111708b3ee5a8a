import { defineInvariant, defineProfile, Reference } from '../../../src/dsl/index.js';
import { medcomDatetimeHasTimeOffsetZulu } from '../../medcom-document/2.0.2/invariants.js';
import {
  MedComDocumentBundle,
  MedComDocumentComposition,
  MedComDocumentObservation,
  MedComDocumentOrganization,
  MedComDocumentPractitioner,
  MedComDocumentPractitionerRole,
} from '../../medcom-document/2.0.2/resources.js';
import { pkg } from './package.js';

const SNOMED = 'http://snomed.info/sct';
const ENCOUNTER_NOTE = '866144008';

/** One note per document: the note text is base64 HTML in the Core 4.0.0 valueAttachment extension. */
export const MedComNotesObservation = defineProfile(pkg, MedComDocumentObservation, {
  id: 'medcom-notes-observation',
  name: 'MedComNotesObservation',
  title: 'MedComNotesObservation',
  description: "Observation profile intended to be used in MedCom's Notes standard.",
  elements: {
    extension: { card: '1..' },
    'extension[valueAttachment]': { card: '1..1', ms: true },
    'extension[valueAttachment].url': { ms: true },
    'extension[valueAttachment].value[x]': { card: '1..', ms: true },
    'extension[valueAttachment].value[x].contentType': { card: '1..', ms: true, fixed: 'text/html', short: 'MIME type of the note' },
    'extension[valueAttachment].value[x].data': { card: '1..', ms: true, short: 'Base64-encoded content of the note (Da: journalnotatet)' },
    status: { pattern: 'final', short: 'Status MUST be final.' },
    'code.coding': { card: '1..' },
    'code.coding[SNOMEDCT]': { card: '1..', ms: true },
    'code.coding[SNOMEDCT].system': { ms: true },
    'code.coding[SNOMEDCT].code': { ms: true, fixed: ENCOUNTER_NOTE },
    'code.coding[SNOMEDCT].display': { card: '1..', ms: true, fixed: 'Encounter note' },
    'effective[x]': {
      card: '1..',
      ms: true,
      only: ['dateTime'],
      obeys: [medcomDatetimeHasTimeOffsetZulu],
      short: 'Date and time the note was created (Da: Oprettelsestidspunkt for notatet)',
    },
    performer: {
      card: '..3',
      short: 'Who is responsible for the note (Da: journalnotatet)',
      slicing: { discriminator: [{ type: 'type', path: '$this.resolve()' }], ordered: false, rules: 'closed' },
      only: [Reference(MedComDocumentOrganization, MedComDocumentPractitionerRole, MedComDocumentPractitioner)],
      slices: {
        practitionerRole: {
          card: '0..1',
          short: 'practitionerRole responsible for the note (Da: journalnotatet)',
          only: [Reference(MedComDocumentPractitionerRole)],
        },
        organization: {
          card: '1..1',
          short: 'organization responsible for the note (Da: journalnotatet)',
          only: [Reference(MedComDocumentOrganization)],
        },
        practitioner: {
          card: '0..1',
          short: 'practitioner responsible for the note (Da: journalnotatet)',
          only: [Reference(MedComDocumentPractitioner)],
        },
      },
    },
  },
});

export const medcomCanonicalFixedMajor = defineInvariant({
  key: 'medcom-canonical-fixed-major',
  severity: 'error',
  human: 'If a version is present in the canonical, MAJOR SHALL be a fixed value.',
  expression: "matches('^.*[|]1[.].*$')",
  focus: 'canonical',
  examples: {
    pass: ['http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition|1.0'],
    fail: [
      'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition|2.0',
      'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-composition',
    ],
  },
});

/*
 * Published quirk, reproduced: the category pattern names the XDS metadata class code system
 * (…/xdsmetadata/CodeSystem/MedCom-ihe-classcode-CS) while the inherited extensible binding is
 * Document 2.0.2's MedCom-ihe-core-classcode-VS-TEMP, whose system is …/document/CodeSystem/
 * MedCom-ihe-classcode-CS-TEMP. A conformant instance is therefore outside the value set (a
 * warning under an extensible binding).
 */
export const MedComNotesComposition = defineProfile(pkg, MedComDocumentComposition, {
  id: 'medcom-notes-composition',
  name: 'MedComNotesComposition',
  description: 'A profile for the MedCom Notes Composition resource.',
  elements: {
    'meta.profile': {
      obeys: [medcomCanonicalFixedMajor],
      short:
        '[DocumentEntry.formatCode] The profile canonical SHALL include the major and minor version of the standard in the form `|x.y`.',
    },
    language: { fixed: 'da' },
    'type.coding.system': { fixed: SNOMED },
    'type.coding.code': { fixed: ENCOUNTER_NOTE },
    'type.coding.display': { fixed: 'Encounter note' },
    category: { card: '1..' },
    'category.coding.system': { pattern: 'http://medcomfhir.dk/ig/xdsmetadata/CodeSystem/MedCom-ihe-classcode-CS' },
    'category.coding.code': { pattern: '001' },
    'category.coding.display': { pattern: 'Klinisk rapport' },
    date: { short: 'Last update of the note (Da: Seneste opdatering af notatet)' },
    author: {
      only: [Reference(MedComDocumentOrganization, MedComDocumentPractitioner).bundled()],
      slices: {
        institution: { only: [Reference(MedComDocumentOrganization).bundled()] },
        person: {
          card: '0..1',
          ms: true,
          short: 'The practitioner who authored the document.',
          only: [Reference(MedComDocumentPractitioner).bundled()],
        },
      },
    },
    title: { short: "Title MUST be 'Journalnotat for **CPR-nummer**'" },
    confidentiality: { fixed: 'N' },
    'event.period.start': { obeys: [medcomDatetimeHasTimeOffsetZulu] },
    'event.period.end': { obeys: [medcomDatetimeHasTimeOffsetZulu] },
    section: { card: '..1' },
    'section.entry': { card: '1..1', only: [Reference(MedComNotesObservation)] },
  },
});

export const MedComNotesBundle = defineProfile(pkg, MedComDocumentBundle, {
  id: 'medcom-notes-bundle',
  name: 'MedComNotesBundle',
  description: 'A profile for a MedCom Notes Document Bundle.',
  elements: {
    entry: {
      slicing: {
        discriminator: [{ type: 'type', path: '$this.resource' }],
        description: 'Slicing based on the resource type',
        rules: 'open',
      },
      slices: {
        'medcom-notes-composition': {
          card: '1..1',
          ms: true,
          short: 'The first entry is the MedCom Notes Composition resource',
          elements: { resource: { only: [MedComNotesComposition] } },
        },
      },
    },
  },
});
