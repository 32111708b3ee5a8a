import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineInvariant, defineProfile, preferred, R4, required, slicing } from '../../../src/dsl/index.js';
import { CVRIdentifier, GLNIdentifier, KombitOrgIdentifier, ProducentId, SORIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { MunicipalityCodesValueSet, SorOrganizationType } from './terminology.js';

export const dkCoreOrganizationMandatoryIdentifier = defineInvariant({
  key: 'dk-core-organization-mandatory-identifier',
  severity: 'error',
  human: 'Minimum one identifier shall be of type SOR-ID, KOMBIT-ORG-ID or CVR-ID',
  expression:
    "identifier.where(system='urn:oid:1.2.208.176.1.1' or system='https://kombit.dk/sts/organisation' or system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()",
  focus: 'Organization',
  examples: {
    pass: [{ resourceType: 'Organization', identifier: [{ system: 'urn:oid:1.2.208.176.1.1', value: '123456789012345' }] }],
    fail: [
      { resourceType: 'Organization', identifier: [{ system: 'https://www.gs1.org/gln', value: '5790000121526' }] },
      // CVR numbers use http://cvr.dk in DK Core's own CVR profile, which this invariant does not accept
      { resourceType: 'Organization', identifier: [{ system: 'http://cvr.dk', value: '24256790' }] },
    ],
  },
});

export interface OrganizationRefs {
  readonly GLNIdentifier: StructureHandle;
  readonly SORIdentifier: StructureHandle;
  readonly KombitOrgIdentifier: StructureHandle;
  readonly CVRIdentifier: StructureHandle;
  readonly ProducentId: StructureHandle;
  readonly MunicipalityCodes: ValueSetHandle;
  readonly OrganizationTypes: ValueSetHandle;
}

export const DkCoreOrganizationSpec = (h: OrganizationRefs) =>
  ({
    id: 'dk-core-organization',
    name: 'DkCoreOrganization',
    title: 'Danish Core Organization Profile',
    description: 'HL7 Denmark core profile for a danish health organization',
    obeys: [dkCoreOrganizationMandatoryIdentifier],
    elements: {
      identifier: {
        card: '1..',
        slicing: slicing.value('system'),
        slices: {
          'EAN-ID': { card: '0..1', short: 'GLN identifier, [DA] EAN-nummer', only: [h.GLNIdentifier] },
          'SOR-ID': { card: '0..1', short: '[DA] SOR-id', only: [h.SORIdentifier] },
          'KOMBIT-ORG-ID': { card: '0..1', short: '[DA] Organisationsenheds-id som specificeret af FK-ORG', only: [h.KombitOrgIdentifier] },
          Ydernummer: {
            card: '0..1',
            short: '[DA] Ydernummer',
            elements: { system: { card: '1..', fixed: 'urn:oid:1.2.208.176.1.4' }, value: { card: '1..' } },
          },
          'CVR-ID': { card: '0..1', short: 'VAT identification number, [DA] CVR-nummer', only: [h.CVRIdentifier] },
          Kommunekode: {
            card: '0..1',
            short: '[DA] Kommunekode',
            elements: {
              system: { card: '1..', fixed: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes' },
              value: { card: '1..', binding: required(h.MunicipalityCodes) },
            },
          },
          Regionskode: {
            card: '0..1',
            short: '[DA] Regionskode',
            elements: {
              system: { card: '1..', fixed: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-regional-subdivision-codes' },
              value: { card: '1..' },
            },
          },
          ProducentID: { card: '0..1', short: '[DA] Producent Id', only: [h.ProducentId] },
        },
      },
      type: { binding: preferred(h.OrganizationTypes) },
    },
  }) as const;

export const DkCoreOrganization = defineProfile(
  pkg,
  R4.Organization,
  DkCoreOrganizationSpec({
    GLNIdentifier,
    SORIdentifier,
    KombitOrgIdentifier,
    CVRIdentifier,
    ProducentId,
    MunicipalityCodes: MunicipalityCodesValueSet,
    OrganizationTypes: SorOrganizationType,
  }),
);
