import {
  defineInvariant,
  defineProfile,
  definePackage,
  externalValueSet,
  packageContents,
  preferred,
  R4,
  required,
} from '../../../src/dsl/index.js';

/**
 * A sliver of IHE ITI Mobile access to Health Documents (MHD) 4.2.3, which we do not have offline:
 * the Minimal DocumentReference that DK Core 3.5.0's minimal DocumentReference (and through it MedCom
 * Document 2.0.2) derives from. Re-authored on R4 DocumentReference from what DK Core 3.5.0's
 * snapshot shows of it: every constraint there that is neither R4's nor DK Core's own is IHE's.
 */
export const pkg = definePackage({
  id: 'ihe.iti.mhd',
  version: '4.2.3',
  canonical: 'https://profiles.ihe.net/ITI/MHD',
  name: 'IHE_ITI_MHD',
  title: 'Mobile access to Health Documents (MHD)',
  dependencies: {},
  coverage: 'partial',
  coverageNote:
    'Only IHE.MHD.Minimal.DocumentReference and the two identifier profiles it types with (as bare Identifier profiles: their own rules are not visible in DK Core). Reconstructed from the DK Core 3.5.0 snapshot, so texts, mappings and invariants IHE may have elsewhere are absent; the published package declares further dependencies, not mirrored here.',
  // IHE's snapshot, as DK Core 3.5.0 inherits it, has the base canonicals pinned to |4.0.1
  snapshotRules: 'publisher-2025-12',
  defaults: { publisher: 'IHE IT Infrastructure Technical Committee' },
});

/** MHD's DocumentReference status subset; not in this sliver (the binding names it as MHD does). */
const DocumentReferenceStats = externalValueSet('https://profiles.ihe.net/ITI/MHD/ValueSet/DocumentReferenceStats');
/** IHE's format codes, from the IHE FormatCode package. */
const FormatCode = externalValueSet('http://ihe.net/fhir/ihe.formatcode.fhir/ValueSet/formatcode');

/**
 * Named by the Minimal DocumentReference's masterIdentifier. Its rules are not visible in DK Core's
 * snapshot, but MedCom Document 2.0.2's contained DocumentReference unfolds them (use = usual,
 * system and value required).
 */
export const UniqueIdIdentifier = defineProfile(pkg, R4.Identifier, {
  id: 'IHE.MHD.UniqueIdIdentifier',
  name: 'UniqueIdIdentifier',
  title: 'MHD DocumentReference and SubmissionSet UniqueId Identifier',
  elements: {
    use: { card: '1..', pattern: 'usual' },
    system: { card: '1..' },
    value: { card: '1..' },
  },
});

export const mhdStartswithuuid = defineInvariant({
  key: 'mhd-startswithuuid',
  severity: 'error',
  human: 'value must start with urn:uuid:',
  expression: "startsWith('urn:uuid:')",
  focus: 'Identifier.value',
  examples: { pass: ['urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b'], fail: ['2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b', 'urn:oid:1.2.3'] },
});

/**
 * Named by the Minimal DocumentReference's entryUUID identifier slice. Its rules are not visible in
 * DK Core's snapshot, but MedCom Document 2.0.2's contained DocumentReference unfolds them.
 */
export const EntryUUIDIdentifier = defineProfile(pkg, R4.Identifier, {
  id: 'IHE.MHD.EntryUUID.Identifier',
  name: 'EntryUUIDIdentifier',
  title: 'EntryUUID Identifier',
  elements: {
    use: { card: '1..', pattern: 'official' },
    system: { card: '1..', fixed: 'urn:ietf:rfc:3986' },
    value: { card: '1..', obeys: [mhdStartswithuuid] },
  },
});

export const MinimalDocumentReference = defineProfile(pkg, R4.DocumentReference, {
  id: 'IHE.MHD.Minimal.DocumentReference',
  name: 'MinimalDocumentReference',
  title: 'MHD DocumentReference Minimal',
  description: 'A profile on the DocumentReference resource for MHD with minimal metadata constraints.',
  elements: {
    // IHE's profile touches children of meta, context.period and context.sourcePatientInfo (the
    // snapshot lists them); what it states there does not show in the compared properties
    'meta.profile': {},
    modifierExtension: { card: '..0' },
    masterIdentifier: { card: '1..', only: [UniqueIdIdentifier] },
    identifier: {
      ms: true,
      slicing: { discriminator: [{ type: 'value', path: 'use' }], rules: 'open' },
      slices: { entryUUID: { card: '0..*', ms: true, only: [EntryUUIDIdentifier] } },
    },
    status: { binding: required(DocumentReferenceStats) },
    docStatus: { card: '..0' },
    type: { ms: true },
    category: { card: '..1', ms: true },
    subject: { ms: true },
    date: { ms: true },
    author: { ms: true },
    relatesTo: { ms: true },
    securityLabel: { ms: true },
    content: { card: '..1' },
    'content.attachment.contentType': { card: '1..' },
    'content.attachment.language': { ms: true },
    'content.attachment.data': { card: '..0' },
    'content.attachment.url': { card: '1..' },
    'content.attachment.creation': { ms: true },
    'content.format': { ms: true, binding: preferred(FormatCode) },
    'context.period': { ms: true },
    'context.period.start': {},
    'context.facilityType': { ms: true },
    'context.practiceSetting': { ms: true },
    'context.sourcePatientInfo': { ms: true },
    'context.sourcePatientInfo.reference': {},
  },
});

export default packageContents(pkg, [UniqueIdIdentifier, EntryUUIDIdentifier, MinimalDocumentReference]);
