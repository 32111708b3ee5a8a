import { defineCodeSystem, codeSystemSpec } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

/** The code systems as specs, so that other packages (Document 2.0.2's TEMP copies) can import and amend them. */
export const codeSystemSpecs = {
  MedComIHE_ClassCode: codeSystemSpec({
    id: 'MedCom-ihe-classcode-CS',
    identifier: [{ value: '1.2.208.184.100.9' }],
    name: 'MedComIHE_ClassCode',
    title: 'DK IHE ClassCode',
    experimental: true,
    description: 'CodeSystem for ClassCode',
    caseSensitive: false,
    concepts: [{ code: '001', display: 'Klinisk rapport' }],
  }),

  MedComIHE_FormatCode: codeSystemSpec({
    id: 'MedCom-ihe-formatcode-CS',
    identifier: [{ value: '1.2.208.184.100.10' }],
    name: 'MedComIHE_FormatCode',
    title: 'DK IHE FormatCode',
    experimental: true,
    description: 'CodeSystem for FormatCode',
    caseSensitive: false,
    concepts: [
      { code: 'urn:ad:dk:medcom:apd-v2.0.1:full', display: 'DK APD schema' },
      { code: 'urn:ad:dk:medcom:appointmentsummary:full', display: 'DK Appointment Summary Document schema' },
      { code: 'urn:ad:dk:medcom:cmr-v1.0:full', display: 'DK CMR schema' },
      { code: 'urn:ad:dk:medcom:cpd-v1.0.1:full', display: 'DK CPD schema' },
      { code: 'urn:ad:dk:medcom:sds:cpd-v1.0.1:maternity', display: 'DK CPD schema for maternity' },
      { code: 'urn:ad:dk:medcom:labreports:svareksponeringsservice', display: 'Laboratoriesvar (samling af svar)' },
      { code: 'urn:ad:dk:medcom:pdc-v2.0:full', display: 'DK PDC schema' },
      { code: 'urn:ad:dk:medcom:phmr-v1.3:full', display: 'DK PHMR schema' },
      { code: 'urn:ad:dk:medcom:prvs-v1.0:full', display: 'DK PRVS schema' },
      { code: 'urn:ad:dk:medcom:qfdd-v1.1:full', display: 'DK QFDD schema' },
      { code: 'urn:ad:dk:medcom:qfdd-v1.2:full', display: 'DK QFDD schema' },
      { code: 'urn:ad:dk:medcom:qrd-v1.1:full', display: 'DK QRD schema' },
      { code: 'urn:ad:dk:medcom:qrd-v1.2:full', display: 'DK QRD schema' },
      { code: 'urn:ad:dk:medcom:qrd-v1.3:full', display: 'DK QRD schema' },
      { code: 'urn:ad:dk:medcom:pdc-v3.0:full', display: 'DK PDC schema' },
      { code: 'urn:ad:dk:medcom:cpd-v2.0:full', display: 'DK CPD schema' },
      { code: 'urn:ad:dk:medcom:phad-v1.0:full', display: 'DK PHAD schema' },
      { code: 'urn:ad:dk:medcom:plr-v1.0:full', display: 'DK PLR schema' },
      { code: 'urn:ad:dk:medcom:nauf-v500:full', display: 'Noah Audiogram format 500' },
      { code: 'urn:ad:dk:medcom:nauf-v502:full', display: 'Noah Audiogram format 502' },
      { code: 'urn:ad:dk:medcom:nimf-v500:full', display: 'Noah Impedance format 500' },
      { code: 'urn:ad:dk:medcom:nadf-v501:full', display: 'Noah Admittance format 501' },
      { code: 'urn:ad:dk:medcom:nhisf-v500:full', display: 'Noah Hearing Instrument Selection format 500' },
      { code: 'urn:ad:dk:medcom:prf-v1.0:full', display: 'DK PRF schema' },
      { code: 'urn:ad:dk:medcom:pscr-v1.0:full', display: 'DK PSCR schema' },
      { code: 'urn:ad:dk:medcom:pmr-v1.0:full', display: 'DK PMR schema' },
    ],
  }),

  MedComIHE_HomeCommunityId: codeSystemSpec({
    id: 'MedCom-ihe-homeCommunityId-CS',
    name: 'MedComIHE_HomeCommunityId',
    title: 'IHE XDS Affinity Domain',
    experimental: true,
    description: 'IHE XDS Affinity Domains who has agreed to share healthcare related documents in Denmark',
    caseSensitive: false,
    concepts: [
      {
        code: '1.2.208.176.8.1',
        display:
          'Common Danish IHE XDS domain. Integrating the Healthcare Enterprise (IHE) cross[X]-enterprise Document Sharing (XDS) domain',
      },
      { code: '1.2.208.193.100', display: 'Primary healthcare domain' },
    ],
    extra: { date: '2016-11-01' },
  }),

  MedComIHE_TypeCode: codeSystemSpec({
    id: 'MedCom-ihe-typecode-CS',
    identifier: [{ value: '1.2.208.184.100.1' }],
    name: 'MedComIHE_TypeCode',
    title: 'MedCom Message Codes',
    experimental: true,
    description: 'MedCom document type codes (Danish)',
    caseSensitive: false,
    concepts: [
      { code: 'CMR', display: 'Clinical Mesurement Report' },
      { code: 'PDC', display: 'Stamkort' },
      { code: 'MADC', display: 'MADC' },
      { code: 'PRF', display: 'Pregnancy Referral Form' },
      { code: 'PSCR', display: 'Pregnancy Shared Care Report' },
      { code: 'PMR', display: 'Pregnancy Measurement Report' },
    ],
    extra: { date: '2015-01-01' },
  }),
};

export const MedComIHE_ClassCode = defineCodeSystem(pkg, codeSystemSpecs.MedComIHE_ClassCode);
export const MedComIHE_FormatCode = defineCodeSystem(pkg, codeSystemSpecs.MedComIHE_FormatCode);
export const MedComIHE_HomeCommunityId = defineCodeSystem(pkg, codeSystemSpecs.MedComIHE_HomeCommunityId);
export const MedComIHE_TypeCode = defineCodeSystem(pkg, codeSystemSpecs.MedComIHE_TypeCode);
