import { defineValueSet, valueSetSpec } from '../../../src/dsl/index.js';
import { MedComIHE_FormatCode } from './codesystems.js';
import { pkg } from './package.js';

// As published, most include rules name their system by OID (urn:oid:…), also where the code system is one of
// this package's (whose canonical urls are http://medcomfhir.dk/ig/xdsmetadata/CodeSystem/…); only
// MedComIHE_CoreFormatCode includes a code system by its canonical url.

/** The value sets as specs, so that other packages (Document 2.0.2's TEMP copies) can import and amend them. */
export const valueSetSpecs = {
  MedComIHE_CoreClassCode: valueSetSpec({
    id: 'MedCom-ihe-core-classcode-VS',
    name: 'MedComIHE_CoreClassCode',
    title: 'IHE ClassCode',
    experimental: true,
    description: 'Value set for the classCode attribute. classCode used in DK IHE Document sharing',
    include: [
      {
        system: 'urn:oid:1.2.208.184.100.9', // the OID identifier of MedComIHE_ClassCode
        concepts: [{ code: '001', display: 'Klinisk rapport' }],
      },
    ],
    extra: { date: '2015-01-01' },
  }),

  MedComIHE_ConfidentialityCode: valueSetSpec({
    id: 'MedCom-ihe-core-confidentialitycode-VS',
    name: 'MedComIHE_ConfidentialityCode',
    title: 'IHE ConfidentialityCode',
    experimental: true,
    description: 'Confidentiality code used in Danish Document sharing.',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.5.25', // HL7 v3 Confidentiality
        concepts: [{ code: 'N', display: 'normal' }],
      },
    ],
    extra: { date: '2015-01-01' },
  }),

  MedComIHE_CoreEventCodeLists: valueSetSpec({
    id: 'MedCom-ihe-core-eventcodelist-VS',
    name: 'MedComIHE_CoreEventCodeLists',
    title: 'IHE EventCodeLists',
    experimental: true,
    description: 'ValueSet containing EventCodeLists.',
    include: [
      {
        system: 'urn:oid:1.2.208.176.2.4', // SKS
        concepts: [
          { code: 'ALAL01', display: 'Kræftsygdomme' },
          { code: 'ALAL02', display: 'Hjertesygdomme' },
          { code: 'ALAL03', display: 'Psykiske lidelser og adfærdsmæssige forstyrrelser' },
          { code: 'ALAL21', display: 'Kronisk obstruktiv lungesygdom (KOL)' },
          { code: 'ALAL22', display: 'Type 2-diabetes' },
          { code: 'ALAL23', display: 'Osteoporose' },
          { code: 'ALAL51', display: 'Graviditet, fødsel og barsel' },
          { code: 'ALAL52', display: 'Nyfødte' },
        ],
      },
      {
        system: 'urn:oid:1.2.208.176.7.3.1',
        concepts: [
          { code: '3d3d6f46-ea42-4d64-a2bb-52646dcd6513', display: 'Psoriasis v.3' },
          { code: '1de279ff-99fd-4544-9e41-300f56bc08e4', display: 'Diabetes v.10' },
          { code: '898cba44-c668-41e8-ac25-c2b880ac7090', display: 'Hjerterehabilitering uddrag start v.3' },
          { code: 'c820effc-91d3-45cd-b2df-53ae95284349', display: 'Hjerterehabilitering uddrag slut v.3' },
        ],
      },
      {
        system: 'urn:oid:1.2.208.176.2.1', // NPU
        concepts: [
          { code: 'NPU03804', display: 'Pt—Legeme; masse = ? kg' },
          { code: 'NPU19748', display: 'P—C-reaktivt protein; massek. = ? mg/L' },
          { code: 'NPU22089', display: 'P(kB)—Glucose; stofk. = ? mmol/L' },
          { code: 'NPU03963', display: 'U—Erythrocytter; arb.k.(proc.) = ?' },
          { code: 'DNK05472', display: 'Arm—Blodtryk(systolisk); tryk = ? mmHg' },
          { code: 'DNK05473', display: 'Arm—Blodtryk(diastolisk); tryk = ? mmHg' },
          { code: 'NPU21692', display: 'Hjerte—Systole; frekv. = ? x 1/min' },
        ],
      },
      {
        system: 'urn:oid:1.2.208.184.100.1', // the OID identifier of MedComIHE_TypeCode
        concepts: [
          { code: 'MCS88100', display: 'Lunge—Lungefunktionsundersøgelse COPD FEV6; vol. = ? L' },
          { code: 'MCS88015', display: 'Lunge—Lungefunktionsundersøgelse FEV1; vol. = ? L' },
        ],
      },
      {
        system: 'urn:ad:dk:medcom:noah:action-categories',
        concepts: [
          { code: '1', display: 'Audiogram' },
          { code: '15', display: 'Impedance (left ear)' },
          { code: '16', display: 'Impedance (right ear)' },
          { code: '129', display: 'Hearing Instrument Selection (left ear)' },
          { code: '130', display: 'Hearing Instrument Selection (right ear)' },
        ],
      },
    ],
  }),

  MedComIHE_CoreFormatCode: valueSetSpec({
    id: 'MedCom-ihe-core-formatcode-VS',
    name: 'MedComIHE_CoreFormatCode',
    title: 'IHE FormatCode',
    experimental: true,
    description: 'ValueSet containing FormatCode.',
    include: [{ system: MedComIHE_FormatCode }],
  }),

  MedComIHE_CoreHealthcareFacilityTypeCode: valueSetSpec({
    id: 'MedCom-ihe-core-HealthcareFacilityTypeCode-VS',
    name: 'MedComIHE_CoreHealthcareFacilityTypeCode',
    title: 'IHE HealthcareFacilityTypeCode',
    experimental: true,
    description:
      'Value set for healthcare facility type code represents the type of organizational setting of the clinical encounter during which the documented act occurred.',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.6.96', // SNOMED CT
        concepts: [
          { code: '557511000005107', display: 'akupunkturklinik' },
          { code: '550871000005101', display: 'akutmodtageenhed' },
          { code: '394761003', display: 'almen lægepraksis' },
          { code: '264372000', display: 'apotek' },
          { code: '557501000005109', display: 'apoteksfilial' },
          { code: '554851000005102', display: 'asylcenter' },
          { code: '557531000005103', display: 'bandagistklinik' },
          { code: '20078004', display: 'behandlingscenter for stofmisbrugere' },
          { code: '722173008', display: 'behandlingsenhed i fængsel eller arresthus' },
          { code: '309964003', display: 'billeddiagnostisk enhed' },
          { code: '554221000005108', display: 'bosted' },
          { code: '56781000005109', display: 'center for misbrugsbehandling' },
          { code: '557881000005104', display: 'COVID-19-testenhed' },
          { code: '554031000005103', display: 'diætistklinik' },
          { code: '557891000005101', display: 'enhed for aktivitetstilbud' },
          { code: '546821000005103', display: 'ergoterapiklinik' },
          { code: '702871004', display: 'fertilitetsklinik' },
          { code: '554061000005105', display: 'fodterapeutklinik' },
          { code: '557901000005102', display: 'forebyggende hjemmebesøgsenhed' },
          { code: '550861000005106', display: 'fysioterapi- og ergoterapiklinik' },
          { code: '547011000005103', display: 'fysioterapiklinik' },
          { code: '546811000005109', display: 'genoptræningsenhed' },
          { code: '554881000005108', display: 'handicap- og psykiatrienhed' },
          { code: '554861000005100', display: 'handicapenhed' },
          { code: '554821000005109', display: 'hjemmeplejeenhed' },
          { code: '550621000005101', display: 'hjemmesygeplejeenhed' },
          { code: '284546000', display: 'hospice' },
          { code: '22232009', display: 'hospital' },
          { code: '702824005', display: 'hørecenter' },
          { code: '309904001', display: 'intensivenhed' },
          { code: '557591000005104', display: 'internetbaseret sundhedsydelse' },
          { code: '554411000005101', display: 'jobcenter' },
          { code: '550631000005103', display: 'jordemoderklinik' },
          { code: '550641000005106', display: 'kiropraktorklinik' },
          { code: '557521000005101', display: 'klinik for alternativ behandling' },
          { code: '550851000005109', display: 'klinisk enhed' },
          { code: '547211000005108', display: 'kommune' },
          { code: '557561000005105', display: 'konsulentvirksomhed' },
          { code: '557541000005106', display: 'kosmetisk klinik' },
          { code: '550651000005108', display: 'lægelaboratorium' },
          { code: '550661000005105', display: 'lægevagt' },
          { code: '551611000005102', display: 'operationsgang' },
          { code: '557581000005102', display: 'optikervirksomhed' },
          { code: '557671000005101', display: 'osteopatiklinik' },
          { code: '309939001', display: 'palliativ enhed' },
          { code: '42665001', display: 'plejehjem' },
          { code: '550891000005100', display: 'privat' },
          { code: '554211000005102', display: 'præhospitalsenhed' },
          { code: '554871000005105', display: 'psykiatrienhed' },
          { code: '550711000005101', display: 'psykologisk rådgivningsklinik' },
          { code: '556841000005105', display: 'pædagogisk psykologisk rådgivning (PPR)' },
          { code: '702916001', display: 'rehabiliteringsenhed' },
          { code: '225728007', display: 'skadestue' },
          { code: '550671000005100', display: 'speciallægepraksis' },
          { code: '264361005', display: 'sundhedscenter' },
          { code: '554041000005106', display: 'sundhedsforvaltning' },
          { code: '554021000005101', display: 'sundhedsplejen' },
          { code: '554071000005100', display: 'sygehusapotek' },
          { code: '703069008', display: 'sygeplejeklinik' },
          { code: '550681000005102', display: 'tandlægepraksis' },
          { code: '550691000005104', display: 'tandplejeklinik' },
          { code: '550701000005104', display: 'tandteknisk klinik' },
          { code: '554231000005106', display: 'vaccinationsklinik' },
          { code: '554051000005108', display: 'zoneterapiklinik' },
          { code: '550811000005108', display: 'administrativ enhed' },
        ],
      },
    ],
    extra: { date: '2024-01-19' },
  }),

  MedComIHE_CoreDkHomeCommunityId: valueSetSpec({
    id: 'MedCom-ihe-core-homeCommunityId-VS',
    name: 'MedComIHE_CoreDkHomeCommunityId',
    title: 'IHE HomeCommunityId',
    description: 'List of operational and in production home communities (XCA) in Danish Document Sharing',
    include: [
      {
        system: 'urn:oid:1.2.208.176.8.1', // the common Danish XDS affinity domain, itself the first code
        concepts: [
          {
            code: '1.2.208.176.8.1',
            display:
              'Common Danish IHE XDS domain. Integrating the Healthcare Enterprise (IHE) cross[X]-enterprise Document Sharing (XDS) domain',
          },
          { code: '1.2.208.193.100', display: 'Primary healthcare domain' },
        ],
      },
    ],
    extra: { date: '2016-11-01' },
  }),

  MedComIHE_CoreLanguageCode: valueSetSpec({
    id: 'MedCom-ihe-core-languagecode-VS',
    name: 'MedComIHE_CoreLanguageCode',
    title: 'IHE LanguageCode',
    experimental: true,
    description: 'Tags for the Identification of Languages (RFC 3066)',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.6.121', // IETF RFC 3066 language tags
        concepts: [
          { code: 'da-DK', display: 'Danish-Denmark' },
          { code: 'da', display: 'Danish' },
        ],
      },
    ],
    extra: { date: '2015-01-01' },
  }),

  MedComIHE_CoreMimeType: valueSetSpec({
    id: 'MedCom-ihe-core-mimetype-VS',
    name: 'MedComIHE_CoreMimeType',
    title: 'IHE MimeType',
    experimental: true,
    description: 'Values for the document metadata attribute mimeType',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.5.79', // HL7 v3 MediaType
        concepts: [
          { code: 'text/xml', display: 'MimeType-text/xml' },
          { code: 'application/fhir+json', display: 'MimeType-application/fhir+json' },
          { code: 'application/fhir+xml', display: 'MimeType-application/fhir+xml' },
        ],
      },
    ],
    extra: { date: '2015-01-04' },
  }),

  MedComIHE_CorePracticeSettingCode: valueSetSpec({
    id: 'MedCom-ihe-core-PracticeSettingCode-VS',
    name: 'MedComIHE_CorePracticeSettingCode',
    title: 'IHE PracticeSettingCode',
    experimental: true,
    description:
      "Values used for the document metadata attribute practiceSettingCode, which is an attribute specifying the clinical specialty where the act that resulted in the document was performed (e.g., Family Practice, Laboratory, Radiology). The value set is based on a subset of the code list from the SOR lookup table 'SOR-Kliniske specialer' (https://sor.sum.dsdn.dk/lookupdata/#clinical_speciality, accessable on Sundhedsdatanettet (SDN)), which is based on SNOMED codes. ",
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.6.96', // SNOMED CT
        concepts: [
          { code: '773568002', display: 'akutmedicin' },
          { code: '408443003', display: 'almen medicin' },
          { code: '394577000', display: 'anæstesiologi' },
          { code: '394821009', display: 'arbejdsmedicin' },
          { code: '394588006', display: 'børne_ og ungdomspsykiatri' },
          { code: '394582007', display: 'dermato_venerologi' },
          { code: '394914008', display: 'diagnostisk radiologi' },
          { code: '394583002', display: 'endokrinologi' },
          { code: '394811001', display: 'geriatri' },
          { code: '394585009', display: 'gynækologi og obstetrik' },
          { code: '408472002', display: 'hepatologi' },
          { code: '394803006', display: 'hæmatologi' },
          { code: '394807007', display: 'infektionsmedicin' },
          { code: '419192003', display: 'intern medicin' },
          { code: '394579002', display: 'kardiologi' },
          { code: '408463005', display: 'karkirurgi' },
          { code: '394609007', display: 'kirurgi' },
          { code: '551411000005104', display: 'kirurgisk gastroenterologi' },
          { code: '394596001', display: 'klinisk biokemi' },
          { code: '394600006', display: 'klinisk farmakologi' },
          { code: '394601005', display: 'klinisk fysiologi og nuklearmedicin (snomed: klinisk fysiologi)' },
          { code: '394580004', display: 'klinisk genetik' },
          { code: '421661004', display: 'klinisk immunologi' },
          { code: '408454008', display: 'klinisk mikrobiologi' },
          { code: '394809005', display: 'klinisk neurofysiologi' },
          { code: '394592004', display: 'klinisk onkologi' },
          { code: '418112009', display: 'lungesygdomme' },
          { code: '394805004', display: 'medicinsk allergologi' },
          { code: '394584008', display: 'medicinsk gastroenterologi' },
          { code: '394589003', display: 'nefrologi' },
          { code: '394610002', display: 'neurokirurgi' },
          { code: '394591006', display: 'neurologi' },
          { code: '394812008', display: 'odontologi (snomed: odontologiske specialer)' },
          { code: '394594003', display: 'oftalmologi' },
          { code: '394608004', display: 'ortodonti' },
          { code: '394801008', display: 'ortopædisk kirurgi' },
          { code: '394604002', display: 'oto_rhino_laryngologi' },
          { code: '394915009', display: 'patologisk anatomi og cytologi' },
          { code: '394611003', display: 'plastikkirurgi' },
          { code: '394587001', display: 'psykiatri' },
          { code: '394537008', display: 'pædiatri' },
          { code: '394810000', display: 'reumatologi' },
          { code: '394581000', display: 'samfundsmedicin' },
          { code: '394605001', display: 'tand_, mund_ og kæbekirurgi' },
          { code: '394603008', display: 'thoraxkirurgi' },
          { code: '408448007', display: 'tropemedicin' },
          { code: '394612005', display: 'urologi' },
          { code: '658171000005102', display: 'hjemmepleje' },
          { code: '658161000005107', display: 'hjemmesygepleje' },
          { code: '658151000005105', display: 'sundhedsfremme og forebyggelse' },
          { code: '658191000005101', display: 'sundhedspleje' },
          { code: '658201000005103', display: 'kommunal tandpleje' },
          { code: '658141000005108', display: 'genoptræning efter hospitalsophold' },
          { code: '658181000005104', display: 'hjælpemiddelområdet' },
        ],
      },
    ],
    extra: { date: '2022-03-01' },
  }),

  MedComIHE_CoreTypeCode: valueSetSpec({
    id: 'MedCom-ihe-core-typecode-VS',
    name: 'MedComIHE_CoreTypeCode',
    title: 'IHE TypeCode',
    experimental: true,
    description: 'ValueSet containing TypeCode.',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.6.1', // LOINC
        concepts: [
          { code: '53576-5', display: 'Personal health monitoring report Document' },
          { code: '74468-0', display: 'Questionnaire Form Definition Document' },
          { code: '56446-8', display: 'Appointment Summary Document' },
          { code: '39289-4', display: 'Follow-up (referred to) provider /specialist, appointment date CPHS' },
          { code: '39290-2', display: 'Follow-up (referred to) program, appointment date CPHS' },
          { code: '103140-0', display: 'Personal health attachment Document' },
          { code: '74465-6', display: 'Questionnaire Response Document' },
          { code: '11450-4', display: 'Problem list - Reported' },
          { code: '81215-6', display: 'Care plan - recommended C-CDA R2.0 & R2.1 sections' },
          { code: '11502-2', display: 'Laboratory report' },
          { code: '57059-8', display: 'Pregnancy visit summary note Narrative' },
          { code: '28615-3', display: 'Audiology Study' },
        ],
      },
      {
        system: 'urn:oid:1.2.208.184.100.1', // the OID identifier of MedComIHE_TypeCode
        concepts: [
          { code: 'CMR', display: 'Clinical Mesurement Report' },
          { code: 'PDC', display: 'Stamkort' },
          { code: 'MADC', display: 'MADC' },
          { code: 'PFR', display: 'Pregnancy Referral Form' }, // sic: MedComIHE_TypeCode has 'PRF'
          { code: 'PSCR', display: 'Pregnancy Shared Care Report' },
          { code: 'PMR', display: 'Pregnancy Measurement Report' },
        ],
      },
    ],
  }),

  MedComIHE_PLR_DK_FormatCode: valueSetSpec({
    id: 'MedCom-ihe-plr-formatcode-VS',
    name: 'MedComIHE_PLR_DK_FormatCode',
    title: 'PLR-DK IHE FormatCode',
    description:
      'PLR-DK: Code system for document format code used in national Document sharing. The value set for format code is based on code system DK_IHE_FormatCode.',
    include: [
      {
        system: 'urn:oid:1.2.208.184.100.10', // the OID identifier of MedComIHE_FormatCode
        concepts: ['urn:ad:dk:medcom:plr-v1.0:full'],
      },
    ],
    extra: { date: '2025-03-01' },
  }),

  PLR_DK_IHE_TypeCode: valueSetSpec({
    id: 'MedCom-dk-ihe-plr-typecode-VS',
    name: 'PLR_DK_IHE_TypeCode',
    title: 'PLR-DK IHE TypeCode',
    experimental: true,
    description:
      'PLR-DK: Value set for the typeCode attribute. The typeCode specifies the precise type of document from the user perspective. The granularity of typeCode is finer grained than its superior classCode.',
    include: [
      {
        system: 'urn:oid:2.16.840.1.113883.6.1', // LOINC
        concepts: ['11450-4'],
      },
    ],
    extra: { date: '2025-03-01' },
  }),
};

export const MedComIHE_CoreClassCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreClassCode);
export const MedComIHE_ConfidentialityCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_ConfidentialityCode);
export const MedComIHE_CoreEventCodeLists = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreEventCodeLists);
export const MedComIHE_CoreFormatCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreFormatCode);
export const MedComIHE_CoreHealthcareFacilityTypeCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreHealthcareFacilityTypeCode);
export const MedComIHE_CoreDkHomeCommunityId = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreDkHomeCommunityId);
export const MedComIHE_CoreLanguageCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreLanguageCode);
export const MedComIHE_CoreMimeType = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreMimeType);
export const MedComIHE_CorePracticeSettingCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CorePracticeSettingCode);
export const MedComIHE_CoreTypeCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_CoreTypeCode);
export const MedComIHE_PLR_DK_FormatCode = defineValueSet(pkg, valueSetSpecs.MedComIHE_PLR_DK_FormatCode);
export const PLR_DK_IHE_TypeCode = defineValueSet(pkg, valueSetSpecs.PLR_DK_IHE_TypeCode);
