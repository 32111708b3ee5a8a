import {
  codeSystemSpec,
  defineCodeSystem,
  defineValueSet,
  valueSetSpec,
  type ConceptSpec,
  type IncludeSpec,
} from '../../../src/dsl/index.js';
import { codeSystemSpecs as xdsCodeSystems } from '../../medcom-xdsmetadata/1.0.1/codesystems.js';
import { valueSetSpecs as xdsValueSets } from '../../medcom-xdsmetadata/1.0.1/valuesets.js';
import { pkg } from './package.js';

// Document 2.0 ships "_TEMP" copies of XDS metadata 1.0.1's code systems and value sets: the same codes,
// but value sets that include their systems by FHIR url instead of by OID (urn:oid:…), which FHIR
// validators cannot resolve. Code lists that are unchanged are imported from XDS metadata 1.0.1; each
// resource states what the TEMP copy changes. All are active, non-experimental, and carry their own date.

/** The Danish SNOMED CT edition the SNOMED CT value sets name as the system version. */
const SNOMED_CT_DK = 'http://snomed.info/sct/554471000005108';

/** The concept property the TEMP code systems declare for codes being phased out. */
const deprecationDateProperty = [
  {
    code: 'deprecationDate',
    uri: 'http://hl7.org/fhir/concept-properties#deprecationDate',
    description: 'The date from which the concept is considered deprecated.',
    type: 'dateTime',
  },
];

/** Codes with the date from which each is deprecated (`deprecationDate` property); the others unchanged. */
function deprecating<C extends ConceptSpec>(concepts: readonly C[], dates: Record<string, string>): C[] {
  for (const code of Object.keys(dates)) if (!concepts.some((c) => c.code === code)) throw new Error(`no concept ${code}`);
  return concepts.map((c) =>
    dates[c.code] === undefined ? c : { ...c, property: [{ code: 'deprecationDate', valueDateTime: dates[c.code]! }] },
  );
}

/** An XDS metadata value set's codes (with their displays) from its include number `n`. */
const codesOf = (include: readonly IncludeSpec[], n = 0): NonNullable<IncludeSpec['concepts']> => include[n]?.concepts ?? [];

// ---------------------------------------------------------------------------------------------------
// Code systems

export const MedComIHE_ClassCode_TEMP = defineCodeSystem(
  pkg,
  codeSystemSpec({
    ...xdsCodeSystems.MedComIHE_ClassCode,
    id: 'MedCom-ihe-classcode-CS-TEMP',
    name: 'MedComIHE_ClassCode_TEMP',
    title: 'DK IHE ClassCode_TEMP',
    experimental: false,
    description: '_TEMP Danish Integrating the Healthcare Enterprise (IHE) metadata class codes',
    extra: { date: '2022-01-26' },
  }),
);

/** XDS metadata's 26 format codes, five of them now with a deprecation date, and eight new ones. */
export const MedComIHE_FormatCode_TEMP = defineCodeSystem(
  pkg,
  codeSystemSpec({
    ...xdsCodeSystems.MedComIHE_FormatCode,
    id: 'MedCom-ihe-formatcode-CS-TEMP',
    name: 'MedComIHE_FormatCode_TEMP',
    title: 'DK IHE FormatCode_TEMP',
    experimental: false,
    description: '_TEMP Danish Integrating the Healthcare Enterprise (IHE) metadata format codes',
    property: deprecationDateProperty,
    concepts: [
      ...deprecating(xdsCodeSystems.MedComIHE_FormatCode.concepts, {
        'urn:ad:dk:medcom:sds:cpd-v1.0.1:maternity': '2023-12-31',
        'urn:ad:dk:medcom:phmr-v1.3:full': '2025-05-13',
        'urn:ad:dk:medcom:prf-v1.0:full': '2025-12-01',
        'urn:ad:dk:medcom:pscr-v1.0:full': '2025-12-01',
        'urn:ad:dk:medcom:pmr-v1.0:full': '2025-12-01',
      }),
      {
        code: 'urn:ad:dk:medcom:prf-v2.0:full',
        display: 'DK PRF schema',
        property: [{ code: 'deprecationDate', valueDateTime: '2025-12-01' }],
      },
      { code: 'urn:ad:dk:medcom:pscr-v2.0:full', display: 'DK PSCR schema' },
      { code: 'urn:ad:dk:medcom:pmr-v2.0:full', display: 'DK PMR schema' },
      { code: 'urn:ad:dk:medcom:phmr-v2.1:full', display: 'DK PHMR schema' },
      { code: 'urn:ad:dk:medcom:prf-v3.0:full', display: 'DK PRF schema' },
      {
        code: 'urn:ad:dk:medcom:ekg-v1.0:full',
        display: 'DK EKG schema',
        property: [{ code: 'deprecationDate', valueDateTime: '2026-04-28' }],
      },
      { code: 'urn:ad:dk:medcom:ecn-v1.0:full', display: 'DK ECN schema' },
      { code: 'urn:ad:dk:medcom:ekg-v2.0:full', display: 'DK EKG schema' },
    ],
    extra: { date: '2026-04-28' },
  }),
);

export const MedComIHE_HomeCommunityId_TEMP = defineCodeSystem(
  pkg,
  codeSystemSpec({
    ...xdsCodeSystems.MedComIHE_HomeCommunityId,
    id: 'MedCom-ihe-homeCommunityId-CS-TEMP',
    name: 'MedComIHE_HomeCommunityId_TEMP',
    title: '_TEMP IHE XDS Affinity Domain',
    experimental: false,
    description: '_TEMPIHE XDS Affinity Domains who has agreed to share healthcare related documents in Denmark', // sic, no space
    extra: { date: '2020-08-21' },
  }),
);

/**
 * The copy of XDS metadata's MedComIHE_TypeCode (MedCom document type codes), renamed "message codes";
 * MADC with a deprecation date, CON added. Its identifier now carries the `urn:oid:` prefix.
 */
export const MedCom_Message_Codes_TEMP = defineCodeSystem(
  pkg,
  codeSystemSpec({
    ...xdsCodeSystems.MedComIHE_TypeCode,
    id: 'MedCom-message-codes-CS-TEMP',
    identifier: [{ value: 'urn:oid:1.2.208.184.100.1' }],
    name: 'MedCom_Message_Codes_TEMP',
    title: 'MedCom Message Codes_TEMP',
    experimental: false,
    description: '_TEMP MedCom Message Codes, which includes document type codes (Danish).',
    property: deprecationDateProperty,
    concepts: [
      ...deprecating(xdsCodeSystems.MedComIHE_TypeCode.concepts, { MADC: '2022-12-31' }),
      { code: 'CON', display: 'Consultation Note' },
    ],
    extra: { date: '2026-01-01' },
  }),
);

// ---------------------------------------------------------------------------------------------------
// Value sets

/** Only the code now (XDS metadata's lists its display), from the TEMP class code system. */
export const MedComIHE_CoreClassCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreClassCode,
    id: 'MedCom-ihe-core-classcode-VS-TEMP',
    name: 'MedComIHE_CoreClassCode_TEMP',
    title: 'IHE ClassCode_TEMP',
    experimental: false,
    description: '_TEMP Value set for the classCode attribute. classCode used in DK IHE Document sharing',
    include: [{ system: MedComIHE_ClassCode_TEMP, concepts: ['001'] }],
    extra: { date: '2022-01-26' },
  }),
);

export const MedComIHE_CoreConfidentialityCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_ConfidentialityCode,
    id: 'MedCom-ihe-core-confidentialitycode-VS-TEMP',
    name: 'MedComIHE_CoreConfidentialityCode_TEMP',
    title: 'IHE ConfidentialityCode_TEMP',
    experimental: false,
    description: '_TEMP Confidentiality code used in Danish Document sharing.',
    include: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
        concepts: codesOf(xdsValueSets.MedComIHE_ConfidentialityCode.include),
      },
    ],
    extra: { date: '2015-01-01' },
  }),
);

/** Every code of the TEMP format code system. */
export const MedComIHE_CoreFormatCode_VS_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreFormatCode,
    id: 'MedCom-ihe-core-formatcode-VS-TEMP',
    name: 'MedComIHE_CoreFormatCode_VS_TEMP',
    title: 'IHE FormatCode_TEMP',
    experimental: false,
    description: '_TEMP ValueSet containing FormatCodes defines by MedCom.',
    include: [{ system: MedComIHE_FormatCode_TEMP }],
    extra: { date: '2026-04-28' },
  }),
);

export const MedComIHE_CoreHealthcareFacilityTypeCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreHealthcareFacilityTypeCode,
    id: 'MedCom-ihe-core-HealthcareFacilityTypeCode-VS-TEMP',
    name: 'MedComIHE_CoreHealthcareFacilityTypeCode_TEMP',
    title: 'IHE HealthcareFacilityTypeCode_TEMP',
    experimental: false,
    description:
      '_TEMP Value set for healthcare facility type code represents the type of organizational setting of the clinical encounter during which the documented act occurred.',
    include: [
      {
        system: 'http://snomed.info/sct',
        version: SNOMED_CT_DK,
        concepts: codesOf(xdsValueSets.MedComIHE_CoreHealthcareFacilityTypeCode.include),
      },
    ],
    extra: { date: '2024-01-19' },
  }),
);

export const MedComIHE_CoreDkHomeCommunityId_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreDkHomeCommunityId,
    id: 'MedCom-ihe-core-homeCommunityId-VS-TEMP',
    name: 'MedComIHE_CoreDkHomeCommunityId_TEMP',
    title: '_TEMP IHE HomeCommunityId',
    experimental: false,
    description: '_TEMP List of operational and in production home communities (XCA) in Danish Document Sharing',
    include: [{ system: MedComIHE_HomeCommunityId_TEMP, concepts: codesOf(xdsValueSets.MedComIHE_CoreDkHomeCommunityId.include) }],
    extra: { date: '2020-08-21' },
  }),
);

/** BCP 47 language tags; `da-DK` now displayed "Danish (Denmark)". */
export const MedComIHE_CoreLanguageCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreLanguageCode,
    id: 'MedCom-ihe-core-languagecode-VS-TEMP',
    name: 'MedComIHE_CoreLanguageCode_TEMP',
    title: 'IHE LanguageCode_TEMP',
    experimental: false,
    description: '_TEMP Tags for the Identification of Languages (RFC 3066)',
    include: [
      {
        system: 'urn:ietf:bcp:47',
        concepts: [
          { code: 'da-DK', display: 'Danish (Denmark)' },
          { code: 'da', display: 'Danish' },
        ],
      },
    ],
    extra: { date: '2015-01-01' },
  }),
);

/** BCP 13 mime types, displayed as the plain type (XDS metadata: "MimeType-…"). */
export const MedComIHE_CoreMimeType_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreMimeType,
    id: 'MedCom-ihe-core-mimetype-VS-TEMP',
    name: 'MedComIHE_CoreMimeType_TEMP',
    title: 'IHE MimeType_TEMP',
    experimental: false,
    description: '_TEMP Values for the document metadata attribute mimeType',
    include: [
      {
        system: 'urn:ietf:bcp:13',
        concepts: ['text/xml', 'application/fhir+json', 'application/fhir+xml'].map((code) => ({ code, display: code })),
      },
    ],
    extra: { date: '2015-01-04' },
  }),
);

export const MedComIHE_CorePracticeSettingCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CorePracticeSettingCode,
    id: 'MedCom-ihe-core-PracticeSettingCode-VS-TEMP',
    name: 'MedComIHE_CorePracticeSettingCode_TEMP',
    title: 'IHE PracticeSettingCode_TEMP',
    experimental: false,
    description: `_TEMP ${xdsValueSets.MedComIHE_CorePracticeSettingCode.description ?? ''}`,
    include: [
      {
        system: 'http://snomed.info/sct',
        version: SNOMED_CT_DK,
        concepts: codesOf(xdsValueSets.MedComIHE_CorePracticeSettingCode.include),
      },
    ],
    extra: { date: '2024-06-20' },
  }),
);

/**
 * LOINC (one code added: 11524-6 EKG study; "&" spelt "and" in 81215-6), the TEMP message codes (PRF as the
 * code system has it, where XDS metadata's value set lists PFR), and SNOMED CT 866144008 Encounter note.
 */
export const MedComIHE_CoreTypeCode_TEMP = defineValueSet(
  pkg,
  valueSetSpec({
    ...xdsValueSets.MedComIHE_CoreTypeCode,
    id: 'MedCom-ihe-core-typecode-VS-TEMP',
    name: 'MedComIHE_CoreTypeCode_TEMP',
    title: 'IHE TypeCode_TEMP',
    experimental: false,
    description: '_TEMP ValueSet containing TypeCode.',
    include: [
      {
        system: 'http://loinc.org',
        concepts: [
          ...codesOf(xdsValueSets.MedComIHE_CoreTypeCode.include, 0).map((c) =>
            typeof c !== 'string' && c.code === '81215-6' ? { ...c, display: 'Care plan - recommended C-CDA R2.0 and R2.1 sections' } : c,
          ),
          { code: '11524-6', display: 'EKG study' },
        ],
      },
      {
        system: MedCom_Message_Codes_TEMP,
        concepts: MedCom_Message_Codes_TEMP.codes
          .filter((code) => code !== 'CON')
          .map((code) => ({ code, display: MedCom_Message_Codes_TEMP.ir!.concept.find((c) => c.code === code)!.display! })),
      },
      { system: 'http://snomed.info/sct', concepts: [{ code: '866144008', display: 'Encounter note' }] },
    ],
    extra: { date: '2026-03-10' },
  }),
);

/** Every TEMP CodeSystem and ValueSet, in the published package's order (for `packageContents`). */
export const documentTerminology = [
  MedComIHE_ClassCode_TEMP,
  MedComIHE_FormatCode_TEMP,
  MedComIHE_CoreClassCode_TEMP,
  MedComIHE_CoreConfidentialityCode_TEMP,
  MedComIHE_CoreFormatCode_VS_TEMP,
  MedComIHE_CoreHealthcareFacilityTypeCode_TEMP,
  MedComIHE_CoreLanguageCode_TEMP,
  MedComIHE_CoreMimeType_TEMP,
  MedComIHE_CorePracticeSettingCode_TEMP,
  MedComIHE_CoreTypeCode_TEMP,
  MedCom_Message_Codes_TEMP,
  MedComIHE_CoreDkHomeCommunityId_TEMP,
  MedComIHE_HomeCommunityId_TEMP,
];
