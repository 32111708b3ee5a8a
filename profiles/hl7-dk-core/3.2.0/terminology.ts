import { defineCodeSystem, defineValueSet } from '../../../src/dsl/index.js';
import type { CodeSystemSpec, ValueSetSpec } from '../../../src/dsl/terminology.js';
import { pkg } from './package.js';

export const DkCoreDeCPRValueSetSpec = {
  id: 'DkCoreDeCPRValueSet',
  name: 'DkCoreDeCPRValueSet',
  title: 'DK D-eCPR OID values',
  description: 'DK D-eCPR OID values',
  experimental: false,
  include: [{ system: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-d-ecpr-codes' }],
} as const satisfies ValueSetSpec;
export const DkCoreDeCPRValueSet = defineValueSet(pkg, DkCoreDeCPRValueSetSpec);

/** SNOMED CT description type "Synonym", the designation use of the Danish names. */
export const SYNONYM = { system: 'http://snomed.info/sct', code: '900000000000013009' };
export const da = (value: string) => ({ language: 'da', value });
export const daSynonym = (value: string) => ({ language: 'da', use: SYNONYM, value });
export const enUS = (value: string) => ({ language: 'en-US', value });
/** SNOMED CT description type "Fully specified name" (no language given). */
export const fsn = (value: string) => ({ use: { system: 'http://snomed.info/sct', code: '900000000000003001' }, value });

// CodeSystems

export const AddressTypeSpec = {
  id: 'address-type-dk-supplement',
  name: 'AddressType',
  title: 'DK Address Type',
  experimental: false,
  description: 'The type of an address (physical / postal)',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/address-type',
  concepts: [
    { code: 'postal', designation: [daSynonym('Post')] },
    { code: 'physical', designation: [daSynonym('Fysisk')] },
    { code: 'both', designation: [daSynonym('Post & fysisk')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const AddressType = defineCodeSystem(pkg, AddressTypeSpec);

export const AddressUseSpec = {
  id: 'address-use-dk-supplement',
  name: 'AddressUse',
  title: 'DK Address Use',
  experimental: false,
  description: 'The use of an address',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/address-use',
  concepts: [
    { code: 'home', designation: [daSynonym('Hjem')] },
    { code: 'work', designation: [daSynonym('Arbejde')] },
    { code: 'temp', designation: [daSynonym('Midlertidig')] },
    { code: 'old', designation: [daSynonym('Gammel / forkert')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const AddressUse = defineCodeSystem(pkg, AddressUseSpec);

export const AdministrativeGenderDkSupplementSpec = {
  id: 'administrative-gender-supplement',
  name: 'AdministrativeGenderDkSupplement',
  title: 'DK Administrative Gender Supplement',
  experimental: false,
  description: 'CodeSystem supplement with danish translations for administrative gender',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/administrative-gender',
  concepts: [
    { code: 'male', designation: [da('Mand')] },
    { code: 'female', designation: [da('Kvinde')] },
    { code: 'other', designation: [da('Andet')] },
    { code: 'unknown', designation: [da('Ukendt')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const AdministrativeGenderDkSupplement = defineCodeSystem(pkg, AdministrativeGenderDkSupplementSpec);

export const CareTeamStatusSpec = {
  id: 'care-team-status-dk-supplement',
  name: 'CareTeamStatus',
  title: 'DK CareTeam Status',
  experimental: false,
  description: 'Indicates the status of the care team.',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/care-team-status',
  concepts: [
    { code: 'proposed', designation: [daSynonym('Forslag')] },
    { code: 'active', designation: [daSynonym('Aktiv')] },
    { code: 'suspended', designation: [daSynonym('Suspenderet')] },
    { code: 'inactive', designation: [daSynonym('Inaktiv')] },
    { code: 'entered-in-error', designation: [daSynonym('Fejlindtastning')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const CareTeamStatus = defineCodeSystem(pkg, CareTeamStatusSpec);

export const ConsentStateSpec = {
  id: 'consent-state-codes-dk-supplement',
  name: 'ConsentState',
  title: 'DK Consent State',
  experimental: false,
  description: 'Indicates the state of the consent',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/consent-state-codes',
  concepts: [
    { code: 'draft', designation: [daSynonym('Under udarbejdelse')] },
    { code: 'proposed', designation: [daSynonym('Forslag')] },
    { code: 'active', designation: [daSynonym('Aktiv')] },
    { code: 'rejected', designation: [daSynonym('Afvist')] },
    { code: 'inactive', designation: [daSynonym('Inaktiv')] },
    { code: 'entered-in-error', designation: [daSynonym('Fejlindtastning')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const ConsentState = defineCodeSystem(pkg, ConsentStateSpec);

export const DaysOfWeekSpec = {
  id: 'days-of-week-dk-supplement',
  name: 'DaysOfWeek',
  title: 'DK Days Of Week',
  experimental: false,
  description: 'The days of the week.',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/days-of-week',
  concepts: [
    { code: 'mon', designation: [daSynonym('Mandag')] },
    { code: 'tue', designation: [daSynonym('Tirsdag')] },
    { code: 'wed', designation: [daSynonym('Onsdag')] },
    { code: 'thu', designation: [daSynonym('Torsdag')] },
    { code: 'fri', designation: [daSynonym('Fredag')] },
    { code: 'sat', designation: [daSynonym('Lørdag')] },
    { code: 'sun', designation: [daSynonym('Søndag')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DaysOfWeek = defineCodeSystem(pkg, DaysOfWeekSpec);

export const DkCoreDeCPRCodesSpec = {
  id: 'dk-core-d-ecpr-codes',
  name: 'DkCoreDeCPRCodes',
  title: 'DK Decentralised eCPR Systems',
  experimental: false,
  description: 'DK ',
  caseSensitive: false,
  concepts: [
    { code: 'urn:oid:1.2.208.176.1.6.1.3', display: 'D-eCPR' },
    { code: 'urn:oid:1.2.208.176.1.6.1.3.177', display: 'D-eCPR fra Region Sjælland' },
    { code: 'urn:oid:1.2.208.176.1.6.1.3.179', display: 'D-eCPR fra Region Nordjylland' },
    { code: 'urn:oid:1.2.208.176.1.6.1.3.181', display: 'D-eCPR fra Region Midtjylland' },
    { code: 'urn:oid:1.2.208.176.1.6.1.3.183', display: 'D-eCPR fra Region Syddanmark' },
    { code: 'urn:oid:1.2.208.176.1.6.1.3.187', display: 'D-eCPR fra Region Hovedstaden' },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DkCoreDeCPRCodes = defineCodeSystem(pkg, DkCoreDeCPRCodesSpec);

export const EpisodeOfCareStatusSpec = {
  id: 'episode-of-care-status-dk-supplement',
  name: 'EpisodeOfCareStatus',
  title: 'DK Episode Of Care Status',
  experimental: false,
  description: 'The status of the episode of care.',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/episode-of-care-status',
  concepts: [
    { code: 'planned', designation: [daSynonym('Planlagt')] },
    { code: 'waitlist', designation: [daSynonym('Venteliste')] },
    { code: 'active', designation: [daSynonym('Aktiv')] },
    { code: 'onhold', designation: [daSynonym('Pauseret')] },
    { code: 'finished', designation: [daSynonym('Færdig')] },
    { code: 'cancelled', designation: [daSynonym('Annulleret')] },
    { code: 'entered-in-error', designation: [daSynonym('Fejlindtastning')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const EpisodeOfCareStatus = defineCodeSystem(pkg, EpisodeOfCareStatusSpec);

export const GreenlandMunicipalityCodesSpec = {
  id: 'dk-core-municipality-codes-greenland',
  name: 'GreenlandMunicipalityCodes',
  title: 'DK Greenland Municipality Codes',
  experimental: false,
  description:
    'Greenland municipality codes as defined by https://www.iso.org/obp/ui/#iso:code:3166:GL and https://cpr.dk/cpr-systemet/kommunesammenlaegninger-opdeling/groenland-2018/',
  caseSensitive: true,
  concepts: [
    { code: '0955', display: 'Kujalleq', designation: [da('Kujalleq')] },
    { code: '0956', display: 'Sermersooq', designation: [da('Sermersooq')] },
    { code: '0957', display: 'Qeqqata', designation: [da('Qeqqata')] },
    { code: '0959', display: 'Qeqertalik', designation: [da('Qeqertalik')] },
    { code: '0960', display: 'Avannaata', designation: [da('Avannaata')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const GreenlandMunicipalityCodes = defineCodeSystem(pkg, GreenlandMunicipalityCodesSpec);

export const DkMaritalStatusSpec = {
  id: 'dk-marital-status',
  name: 'DkMaritalStatus',
  title: 'DK Marital Statuses',
  experimental: false,
  description: 'DK marital statuses',
  caseSensitive: false,
  concepts: [
    { code: 'P', display: 'Registered partnership', designation: [da('Registreret partnerskab')] },
    { code: 'O', display: 'Dissolved partnership', designation: [da('Ophævet partnerskab')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DkMaritalStatus = defineCodeSystem(pkg, DkMaritalStatusSpec);

/** Named `MunicipalityCodes` like the value set dk-core-MunicipalityCodes, hence the suffixed handles. */
export const MunicipalityCodesCodeSystemSpec = {
  id: 'dk-core-municipality-codes',
  name: 'MunicipalityCodes',
  title: 'DK Municipality Codes',
  experimental: false,
  description:
    'Municipality codes as defined by https://danmarksadresser.dk/adressedata/kodelister/kommunekodeliste/ and https://sundhedsdatastyrelsen.dk/-/media/sds/filer/rammer-og-retningslinjer/patientregistrering/relaterede/kommuneklassifikation.pdf',
  caseSensitive: true,
  concepts: [
    { code: '0740', display: 'Silkeborg', designation: [da('Silkeborg')] },
    { code: '0741', display: 'Samsø', designation: [da('Samsø')] },
    { code: '0851', display: 'Aalborg', designation: [da('Aalborg')] },
    { code: '0746', display: 'Skanderborg', designation: [da('Skanderborg')] },
    { code: '0151', display: 'Ballerup', designation: [da('Ballerup')] },
    { code: '0260', display: 'Halsnæs', designation: [da('Halsnæs')] },
    { code: '0153', display: 'Brøndby', designation: [da('Brøndby')] },
    { code: '0370', display: 'Næstved', designation: [da('Næstved')] },
    { code: '0155', display: 'Dragør', designation: [da('Dragør')] },
    { code: '0480', display: 'Nordfyns', designation: [da('Nordfyns')] },
    { code: '0157', display: 'Gentofte', designation: [da('Gentofte')] },
    { code: '0265', display: 'Roskilde', designation: [da('Roskilde')] },
    { code: '0159', display: 'Gladsaxe', designation: [da('Gladsaxe')] },
    { code: '0376', display: 'Guldborgsund', designation: [da('Guldborgsund')] },
    { code: '0269', display: 'Solrød', designation: [da('Solrød')] },
    { code: '0482', display: 'Langeland', designation: [da('Langeland')] },
    { code: '0201', display: 'Allerød', designation: [da('Allerød')] },
    { code: '0420', display: 'Assens', designation: [da('Assens')] },
    { code: '0530', display: 'Billund', designation: [da('Billund')] },
    { code: '0316', display: 'Holbæk', designation: [da('Holbæk')] },
    { code: '0751', display: 'Aarhus', designation: [da('Aarhus')] },
    { code: '0860', display: 'Hjørring', designation: [da('Hjørring')] },
    { code: '0756', display: 'Ikast-Brande', designation: [da('Ikast-Brande')] },
    { code: '0161', display: 'Glostrup', designation: [da('Glostrup')] },
    { code: '0270', display: 'Gribskov', designation: [da('Gribskov')] },
    { code: '0163', display: 'Herlev', designation: [da('Herlev')] },
    { code: '0165', display: 'Albertslund', designation: [da('Albertslund')] },
    { code: '0167', display: 'Hvidovre', designation: [da('Hvidovre')] },
    { code: '0492', display: 'Ærø', designation: [da('Ærø')] },
    { code: '0169', display: 'Høje-Taastrup', designation: [da('Høje-Taastrup')] },
    { code: '0101', display: 'København', designation: [da('København')] },
    { code: '0210', display: 'Fredensborg', designation: [da('Fredensborg')] },
    { code: '0320', display: 'Faxe', designation: [da('Faxe')] },
    { code: '0430', display: 'Faaborg-Midtfyn', designation: [da('Faaborg-Midtfyn')] },
    { code: '0540', display: 'Sønderborg', designation: [da('Sønderborg')] },
    { code: '0217', display: 'Helsingør', designation: [da('Helsingør')] },
    { code: '0326', display: 'Kalundborg', designation: [da('Kalundborg')] },
    { code: '0219', display: 'Hillerød', designation: [da('Hillerød')] },
    { code: '0760', display: 'Ringkøbing-Skjern', designation: [da('Ringkøbing-Skjern')] },
    { code: '0329', display: 'Ringsted', designation: [da('Ringsted')] },
    { code: '0657', display: 'Herning', designation: [da('Herning')] },
    { code: '0766', display: 'Hedensted', designation: [da('Hedensted')] },
    { code: '0173', display: 'Lyngby-Taarbæk', designation: [da('Lyngby-Taarbæk')] },
    { code: '0390', display: 'Vordingborg', designation: [da('Vordingborg')] },
    { code: '0175', display: 'Rødovre', designation: [da('Rødovre')] },
    { code: '0810', display: 'Brønderslev', designation: [da('Brønderslev')] },
    { code: '0813', display: 'Frederikshavn', designation: [da('Frederikshavn')] },
    { code: '0706', display: 'Syddjurs', designation: [da('Syddjurs')] },
    { code: '0707', display: 'Norddjurs', designation: [da('Norddjurs')] },
    { code: '0330', display: 'Slagelse', designation: [da('Slagelse')] },
    { code: '0223', display: 'Hørsholm', designation: [da('Hørsholm')] },
    { code: '0440', display: 'Kerteminde', designation: [da('Kerteminde')] },
    { code: '0550', display: 'Tønder', designation: [da('Tønder')] },
    { code: '0336', display: 'Stevns', designation: [da('Stevns')] },
    { code: '0661', display: 'Holstebro', designation: [da('Holstebro')] },
    { code: '0665', display: 'Lemvig', designation: [da('Lemvig')] },
    { code: '0773', display: 'Morsø', designation: [da('Morsø')] },
    { code: '0779', display: 'Skive', designation: [da('Skive')] },
    { code: '0183', display: 'Ishøj', designation: [da('Ishøj')] },
    { code: '0185', display: 'Tårnby', designation: [da('Tårnby')] },
    { code: '0710', display: 'Favrskov', designation: [da('Favrskov')] },
    { code: '0187', display: 'Vallensbæk', designation: [da('Vallensbæk')] },
    { code: '0820', display: 'Vesthimmerland', designation: [da('Vesthimmerland')] },
    { code: '0607', display: 'Fredericia', designation: [da('Fredericia')] },
    { code: '0825', display: 'Læsø', designation: [da('Læsø')] },
    { code: '0230', display: 'Rudersdal', designation: [da('Rudersdal')] },
    { code: '0340', display: 'Sorø', designation: [da('Sorø')] },
    { code: '0450', display: 'Nyborg', designation: [da('Nyborg')] },
    { code: '0561', display: 'Esbjerg', designation: [da('Esbjerg')] },
    { code: '0563', display: 'Fanø', designation: [da('Fanø')] },
    { code: '0671', display: 'Struer', designation: [da('Struer')] },
    { code: '0190', display: 'Furesø', designation: [da('Furesø')] },
    { code: '0787', display: 'Thisted', designation: [da('Thisted')] },
    { code: '0615', display: 'Horsens', designation: [da('Horsens')] },
    { code: '0727', display: 'Odder', designation: [da('Odder')] },
    { code: '0240', display: 'Egedal', designation: [da('Egedal')] },
    { code: '0350', display: 'Lejre', designation: [da('Lejre')] },
    { code: '0461', display: 'Odense', designation: [da('Odense')] },
    { code: '0573', display: 'Varde', designation: [da('Varde')] },
    { code: '0575', display: 'Vejen', designation: [da('Vejen')] },
    { code: '0791', display: 'Viborg', designation: [da('Viborg')] },
    { code: '0400', display: 'Bornholm', designation: [da('Bornholm')] },
    { code: '0510', display: 'Haderslev', designation: [da('Haderslev')] },
    { code: '0621', display: 'Kolding', designation: [da('Kolding')] },
    { code: '0730', display: 'Randers', designation: [da('Randers')] },
    { code: '0840', display: 'Rebild', designation: [da('Rebild')] },
    { code: '0846', display: 'Mariagerfjord', designation: [da('Mariagerfjord')] },
    { code: '0250', display: 'Frederikssund', designation: [da('Frederikssund')] },
    { code: '0360', display: 'Lolland', designation: [da('Lolland')] },
    { code: '0253', display: 'Greve', designation: [da('Greve')] },
    { code: '0849', display: 'Jammerbugt', designation: [da('Jammerbugt')] },
    { code: '0147', display: 'Frederiksberg', designation: [da('Frederiksberg')] },
    { code: '0580', display: 'Aabenraa', designation: [da('Aabenraa')] },
    { code: '0259', display: 'Køge', designation: [da('Køge')] },
    { code: '0479', display: 'Svendborg', designation: [da('Svendborg')] },
    { code: '0410', display: 'Middelfart', designation: [da('Middelfart')] },
    { code: '0411', display: 'Christiansø', designation: [da('Christiansø')] },
    { code: '0306', display: 'Odsherred', designation: [da('Odsherred')] },
    { code: '0630', display: 'Vejle', designation: [da('Vejle')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const MunicipalityCodesCodeSystem = defineCodeSystem(pkg, MunicipalityCodesCodeSystemSpec);

export const DkCoreProfessionGroupCodesSpec = {
  id: 'DkCoreProfessionGroupCodes',
  name: 'DkCoreProfessionGroupCodes',
  title: 'DK Profession Group Codes',
  experimental: false,
  description:
    'DK health ProfessionGroup codes as defined by https://www.retsinformation.dk/eli/lta/2019/731, and derived from http://autregwebservice.sst.dk/autregservice.asmx/GetAllProfessionGroups. Code (5176) was not uniqe, and have been converted to 5176a and 5176b',
  caseSensitive: false,
  concepts: [
    { code: 'C511', display: 'Ambulancebehandler' },
    { code: '9495', display: 'Bandagist' },
    { code: 'B511', display: 'Behandlerfarmaceut' },
    { code: '5159', display: 'Bioanalytiker' },
    { code: '5153', display: 'Ergoterapeut' },
    { code: '5155', display: 'Fodterapeut' },
    { code: '5151', display: 'Fysioterapeut' },
    { code: '5175', display: 'Jordemoder' },
    { code: '5265', display: 'Kiropraktor' },
    { code: '5451', display: 'Klinisk diætist' },
    { code: '5432', display: 'Klinisk tandtekniker' },
    { code: '5176a', display: 'Kontaktlinseoptiker' },
    { code: '7170', display: 'Læge' },
    { code: '4498', display: 'Optiker' },
    { code: '5176b', display: 'Optometrist' },
    { code: 'A511', display: 'Osteopat' },
    { code: '5158', display: 'Radiograf' },
    { code: '5152', display: 'Social- og sundhedsassistent' },
    { code: '5166', display: 'Sygeplejerske' },
    { code: '5433', display: 'Tandlæge' },
    { code: '5431', display: 'Tandplejer' },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DkCoreProfessionGroupCodes = defineCodeSystem(pkg, DkCoreProfessionGroupCodesSpec);

export const PublicationStatusSpec = {
  id: 'publication-status-dk-supplement',
  name: 'PublicationStatus',
  title: 'DK Publication Status',
  experimental: false,
  description: 'The lifecycle status of a Value Set or Concept Map.',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/publication-status',
  concepts: [
    { code: 'draft', designation: [{ language: 'ru', value: 'черновик' }, { language: 'nl', value: 'ontwerp' }, daSynonym('Udkast')] },
    { code: 'active', designation: [{ language: 'ru', value: 'активный' }, { language: 'nl', value: 'actief' }, daSynonym('Aktiv')] },
    { code: 'retired', designation: [{ language: 'ru', value: 'удалён' }, { language: 'nl', value: 'verouderd' }, daSynonym('Udgået')] },
    { code: 'unknown', designation: [daSynonym('Ukendt')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const PublicationStatus = defineCodeSystem(pkg, PublicationStatusSpec);

export const DKCoreRegionalSubdivisionCodesSpec = {
  id: 'dk-core-regional-subdivision-codes',
  name: 'DKCoreRegionalSubdivisionCodes',
  title: 'DK Regional Subdivision Codes',
  experimental: false,
  description: 'Subdivision codes (Regional codes) used in Denmark as found on https://www.iso.org/obp/ui/#iso:code:3166:DK',
  caseSensitive: false,
  concepts: [
    { code: 'DK-84', display: 'Capital Region of Denmark', designation: [da('Hovedstaden')] },
    { code: 'DK-82', display: 'Central Denmark Region', designation: [da('Midtjylland')] },
    { code: 'DK-81', display: 'Nord Denmark Region', designation: [da('Nordjylland')] },
    { code: 'DK-85', display: 'Region Zealand', designation: [da('Sjælland')] },
    { code: 'DK-83', display: 'Region of Southern Denmark', designation: [da('Syddanmark')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DKCoreRegionalSubdivisionCodes = defineCodeSystem(pkg, DKCoreRegionalSubdivisionCodesSpec);

export const DkRelatedPersonRelationshipCodesSpec = {
  id: 'dk-relatedperson-relationshipcodes',
  name: 'DkRelatedPersonRelationshipCodes',
  title: 'DK Related Person Relationship Codes',
  experimental: false,
  description: 'DK Related Person Relationship Codes',
  caseSensitive: false,
  concepts: [
    {
      code: 'PARAUTH',
      display: 'Parental authority',
      definition: 'The player of the role holds parental authority over the scoping person.',
      designation: [da('Forældremyndighedsindehaver')],
    },
    {
      code: 'PRICARE',
      display: 'Primary caretaker',
      definition: 'The player of the role is the primary caretaker of the scoping person.',
      designation: [da('Primær omsorgsperson')],
    },
  ],
} as const satisfies CodeSystemSpec<string>;
export const DkRelatedPersonRelationshipCodes = defineCodeSystem(pkg, DkRelatedPersonRelationshipCodesSpec);

export const RequestStatusSpec = {
  id: 'request-status-dk-supplement',
  name: 'RequestStatus',
  title: 'DK Request Status',
  experimental: false,
  description: 'Codes identifying the stage lifecycle stage of a request',
  content: 'supplement',
  supplements: 'http://hl7.org/fhir/request-status',
  concepts: [
    { code: 'draft', designation: [daSynonym('Udkast')] },
    { code: 'active', designation: [daSynonym('Aktiv')] },
    { code: 'on-hold', designation: [daSynonym('Suspenderet')] },
    { code: 'revoked', designation: [daSynonym('Annulleret')] },
    { code: 'completed', designation: [daSynonym('Afsluttet')] },
    { code: 'entered-in-error', designation: [daSynonym('Fejlindtastning')] },
    { code: 'unknown', designation: [daSynonym('Ukendt')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const RequestStatus = defineCodeSystem(pkg, RequestStatusSpec);

export const RoleCodeDkSupplementSpec = {
  id: 'role-code-dk-supplement',
  name: 'RoleCodeDkSupplement',
  title: 'DK Role Code',
  experimental: false,
  description: 'CodeSystem supplement with danish translations for RoleCode',
  content: 'supplement',
  supplements: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  concepts: [
    { code: 'FAMMEMB', designation: [da('Familiemedlem')] },
    { code: 'CHILD', designation: [da('Barn')] },
    { code: 'DAUC', designation: [da('Datter')] },
    { code: 'SONC', designation: [da('Søn')] },
    { code: 'GRNDCHILD', designation: [da('Barnebarn')] },
    { code: 'CHLDINLAW', designation: [da('Svigerbarn')] },
    { code: 'PRN', designation: [da('Forælder')] },
    { code: 'FTH', designation: [da('Far')] },
    { code: 'MTH', designation: [da('Mor')] },
    { code: 'SIB', designation: [da('Søskende')] },
    { code: 'DOMPART', designation: [da('Registreret partner')] },
    { code: 'SPS', designation: [da('Ægtefælle')] },
    { code: 'FRND', designation: [da('Ven (ikke-beslægtet)')] },
    { code: 'NBOR', designation: [da('Nabo')] },
    { code: 'ROOM', designation: [da('Samboende')] },
    { code: 'GUARD', designation: [da('Værge')] },
    { code: 'NOK', designation: [da('Pårørende')] },
    { code: 'POWATT', designation: [da('Fuldmagtshaver')] },
  ],
} as const satisfies CodeSystemSpec<string>;
export const RoleCodeDkSupplement = defineCodeSystem(pkg, RoleCodeDkSupplementSpec);

// ValueSets

export const IEEEBasicObservationSpec = {
  id: 'dk-core-IEEEBasicObservation',
  name: 'IEEEBasicObservation',
  title: 'Dk Core IEEE Basic Observation',
  experimental: false,
  description: 'IEEE MDC codes for Basic Observations usable in Denmark',
  include: [
    {
      system: 'urn:iso:std:iso:11073:10101',
      concepts: [
        { code: '151562', display: 'MDC_RESP_RATE', designation: [fsn('Rate of breathing; method not specified.')] },
        { code: '151570', display: 'MDC_AWAY_RESP_RATE', designation: [fsn('Rate of breathing; method: direct airway flow measurement.')] },
        {
          code: '151578',
          display: 'MDC_TTHOR_RESP_RATE',
          designation: [fsn('Rate of breathing; method: transthoracic impedance variations.')],
        },
        { code: '151594', display: 'MDC_CO2_RESP_RATE', designation: [fsn('Rate of breathing; method: carbon dioxide measurement.')] },
        {
          code: '151602',
          display: 'MDC_PRESS_RESP_RATE',
          designation: [fsn('Rate of breathing; method: non-airway pressure measurement, e.g. central venous blood pressure (CVP).')],
        },
        { code: '151650', display: 'MDC_ACOUSTIC_RESP_RATE', designation: [fsn('Rate of breathing; method: acoustic.')] },
        {
          code: '151658',
          display: 'MDC_PULS_OXIM_PLETH_RESP_RATE',
          designation: [fsn('Rate of breathing; method: SpO2 plethysmography.')],
        },
        {
          code: '8410992',
          display: 'MDC_SABTE_RESP_RATE',
          designation: [fsn('Value of respiration rate. [measured by sleep apnoea breathing therapy equipment]')],
        },
        { code: '149514', display: 'MDC_PULS_RATE', designation: [fsn('Rate of blood pulse in an artery.')] },
        { code: '149522', display: 'MDC_BLD_PULS_RATE_INV', designation: [fsn('Rate of blood pulse in an artery, measured invasively.')] },
        {
          code: '149546',
          display: 'MDC_PULS_RATE_NON_INV',
          designation: [fsn('Rate of blood pulse in an artery, measured non-invasively.')],
        },
        { code: '149530', display: 'MDC_PULS_OXIM_PULS_RATE', designation: [fsn('Rate of blood pulse as obtained by pulse oximetry.')] },
        { code: '147842', display: 'MDC_ECG_HEART_RATE', designation: [fsn('Rate of cardiac beats (ECG).')] },
        { code: '8410590', display: 'MDC_ECG_HEART_RATE_INSTANT', designation: [fsn('Instantaneous heart rate.')] },
        {
          code: '149554',
          display: 'MDC_TTHOR_HEART_RATE',
          designation: [fsn('Heart rate obtained from the variation of transthoracic impedance.')],
        },
        {
          code: '149562',
          display: 'MDC_PALPATION_HEART_RATE',
          designation: [fsn('Heart rate obtained from an artery that is close to the surface and a pulse can be felt.')],
        },
        {
          code: '8454258',
          display: 'MDC_HF_HR',
          designation: [fsn('This is an object representing the heart rate over a period of time. [Exercise / fitness equipment]')],
        },
        { code: '150324', display: 'MDC_SAT_O2_ART', designation: [fsn('Arterial oxygen saturation. [no method]')] },
        { code: '150456', display: 'MDC_PULS_OXIM_SAT_O2', designation: [fsn('Oxygen saturation. [using pulse oximetry]')] },
        { code: '150364', display: 'MDC_TEMP_BODY', designation: [fsn('Body temperature. [unspecified]')] },
        { code: '150368', display: 'MDC_TEMP_CORE', designation: [fsn('Core temperature.')] },
        { code: '150388', display: 'MDC_TEMP_SKIN', designation: [fsn('Skin temperature.')] },
        { code: '150392', display: 'MDC_TEMP_TYMP', designation: [fsn('Tympanic temperature.')] },
        { code: '188420', display: 'MDC_TEMP_RECT', designation: [fsn('Rectal temperature.')] },
        { code: '188424', display: 'MDC_TEMP_ORAL', designation: [fsn('Oral temperature.')] },
        { code: '188428', display: 'MDC_TEMP_EAR', designation: [fsn('Ear temperature.')] },
        { code: '188452', display: 'MDC_TEMP_AXILLA', designation: [fsn('Axillary (armpit) temperature.')] },
        { code: '188456', display: 'MDC_TEMP_GIT', designation: [fsn('Gastro-intestinal tract temperature.')] },
        { code: '188740', display: 'MDC_LEN_BODY_ACTUAL', designation: [fsn('The actual height of the patient.')] },
        { code: '153856', display: 'MDC_CIRCUM_HEAD', designation: [fsn('Circumference of the head.')] },
        { code: '188736', display: 'MDC_MASS_BODY_ACTUAL', designation: [fsn('The measurement of the mass of patient.')] },
        {
          code: '188752',
          display: 'MDC_RATIO_MASS_BODY_LEN_SQ',
          designation: [fsn("The individual's body weight, in kilograms, divided by the square of height, in meters.")],
        },
        { code: '150020', display: 'MDC_PRESS_BLD_NONINV', designation: [fsn('Pressure of the blood, obtained noninvasively.')] },
        {
          code: '150021',
          display: 'MDC_PRESS_BLD_NONINV_SYS',
          designation: [fsn('Pressure of the blood, obtained noninvasively, at the systolic phase.')],
        },
        {
          code: '150022',
          display: 'MDC_PRESS_BLD_NONINV_DIA',
          designation: [fsn('Pressure of the blood, obtained noninvasively, at the diastolic phase.')],
        },
        {
          code: '150023',
          display: 'MDC_PRESS_BLD_NONINV_MEAN',
          designation: [fsn('Pressure of the blood, obtained noninvasively, as computed by averaging on one cycle.')],
        },
      ],
    },
  ],
  extra: {
    purpose: `### Purpose of this ValueSet
This ValueSet comprises the most common IEEE MDC codes used to represent observations
that are considered "basic" by this profile. This ValueSet is **not** meant to be exhaustive!

The origin of an MDC code is usually the equipment used to perform the measurement,
and often the code carries supplemental information about how (or where on the body)
the observation was performed.`,
    copyright: 'IEEE',
  },
} as const satisfies ValueSetSpec;
export const IEEEBasicObservation = defineValueSet(pkg, IEEEBasicObservationSpec);

export const LoincBasicObservationSpec = {
  id: 'dk-core-LoincBasicObservation',
  name: 'LoincBasicObservation',
  title: 'DK Core LOINC Basic Observations',
  experimental: false,
  description: 'LOINC codes describing Basic Observations usable in Denmark.',
  include: [
    {
      system: 'http://loinc.org',
      concepts: [
        { code: '9279-1', display: 'Respiratory rate' },
        { code: '8867-4', display: 'Heart rate' },
        { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
        { code: '8310-5', display: 'Body temperature' },
        { code: '85353-1', display: 'Vital signs, weight, height, head circumference, oxygen saturation & BMI panel' },
        { code: '8302-2', display: 'Body height' },
        { code: '9843-4', display: 'Head Occipital-frontal circumference' },
        { code: '29463-7', display: 'Body weight' },
        { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' },
        { code: '85354-9', display: 'Blood pressure panel with all children optional' },
        { code: '8480-6', display: 'Systolic blood pressure' },
        { code: '8462-4', display: 'Diastolic blood pressure' },
        { code: '8478-0', display: 'Mean blood pressure' },
        { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
      ],
    },
  ],
} as const satisfies ValueSetSpec;
export const LoincBasicObservation = defineValueSet(pkg, LoincBasicObservationSpec);

/**
 * Published without a `name` (DK Core 3.4.0 and 3.5.0 too); the DSL requires one, so ours carries the handle's name.
 * It shares its id with the code system dk-marital-status.
 */
export const DkMaritalStatusValueSetSpec = {
  id: 'dk-marital-status',
  name: 'DkMaritalStatusValueSet',
  title: 'DK MaritalStatus',
  experimental: false,
  description: 'This value set defines the set of codes that can be used to indicate the marital status of a person in Denmark.',
  include: [
    { valueSet: ['http://hl7.org/fhir/ValueSet/marital-status'] },
    {
      system: DkMaritalStatus,
      concepts: [
        { code: 'P', display: 'Registered partnership', designation: [da('Registreret partnerskab')] },
        { code: 'O', display: 'Dissolved partnership', designation: [da('Ophævet partnerskab')] },
      ],
    },
  ],
  extra: { copyright: 'CC-BY-SA-4.0' },
} as const satisfies ValueSetSpec;
export const DkMaritalStatusValueSet = defineValueSet(pkg, DkMaritalStatusValueSetSpec);

export const NPUBasicObservationSpec = {
  id: 'dk-core-NPUBasicObservation',
  name: 'NPUBasicObservation',
  title: 'DK Core NPU Basic Observation',
  experimental: false,
  description: 'NPU codes for Basic Observations usable in Denmark',
  include: [
    {
      system: 'urn:oid:1.2.208.176.2.1',
      concepts: [
        { code: 'NPU03011', display: 'Hb(Fe; O₂-bind.;aB)—Oxygen(O₂); sat. = ?' },
        { code: 'NPU27280', display: 'Hb(Fe; O₂-bind.;aB)—Oxygen(O₂); sat.(Pulse oximetry) = ?' },
        { code: 'NPU04034', display: 'Pt(spec.)—Blood; temp. = ? °C' },
        { code: 'NPU08676', display: 'Pt—Body; temp. = ? °C' },
        { code: 'NPU58033', display: 'Artery(spec.)—Blood pressure(systolic); pr.(proc.) = ? mmHg' },
        { code: 'NPU57947', display: 'Artery(spec.)—Blood; pr.(systolic;proc.) = ? mmHg' },
        { code: 'NPU58034', display: 'Artery(spec.)—Blood pressure(diastolic); pr.(proc.) = ? mmHg' },
        { code: 'NPU57948', display: 'Artery(spec.)—Blood; pr.(diastolic;proc.) = ? mmHg' },
        { code: 'NPU21692', display: 'Heart—Systole; freq. = ? * 1/min' },
        { code: 'NPU03794', display: 'Pt—Body; height = ? m' },
        { code: 'NPU03804', display: 'Pt—Body; mass = ? kg' },
        { code: 'NPU27281', display: 'Pt—Body; mass coefficient(mass/squared height) = ? kg/m²' },
      ],
    },
  ],
} as const satisfies ValueSetSpec;
export const NPUBasicObservation = defineValueSet(pkg, NPUBasicObservationSpec);

export const SCTBasicObservationSpec = {
  id: 'dk-core-SCTBasicObservation',
  name: 'SCTBasicObservation',
  title: 'DK Core SNOMED CT Basic Observation',
  experimental: false,
  description: 'SNOMED CT codes for Basic Observations usable in Denmark',
  include: [
    {
      system: 'http://snomed.info/sct',
      concepts: [
        '446226005',
        '400975005',
        '407557002',
        '407555005',
        '271650006',
        '72313002',
        '400974009',
        '399304008',
        '407556006',
        '407554009',
        '271649006',
        '422119006',
        '429614003',
        '429525003',
        '399017001',
        '78564009',
        '444981005',
        '364075005',
        '424927000',
        '445541000',
        '425024002',
        '364589006',
        '27113001',
        '1153637007',
        '248333004',
        '1149101003',
        '1162392001',
      ],
    },
    { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '431314004' }] },
    { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '86290005' }] },
    { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '276885007' }] },
  ],
} as const satisfies ValueSetSpec;
export const SCTBasicObservation = defineValueSet(pkg, SCTBasicObservationSpec);

export const SorOrganizationTypeSpec = {
  id: 'sor-organization-type',
  name: 'SorOrganizationType',
  title: 'DK SOR Organization Type',
  experimental: false,
  description: 'Value set used for indicating the organization type for organizations from SOR',
  include: [
    {
      system: 'http://snomed.info/sct',
      version: 'http://snomed.info/sct/554471000005108',
      concepts: [
        { code: '554221000005108', display: 'Dwilling place', designation: [enUS('Dwilling place')] },
        { code: '546821000005103', display: 'Occupational therapy clinic', designation: [enUS('Occupational therapy clinic')] },
        { code: '547011000005103', display: 'Physiotherapy clinic', designation: [enUS('Physiotherapy clinic')] },
        { code: '546811000005109', display: 'Rehabilitation center', designation: [enUS('Rehabilitation center')] },
        { code: '550621000005101', display: 'District nursing', designation: [enUS('District nursing')] },
        { code: '550631000005103', display: 'Midwife clinic', designation: [enUS('Midwife clinic')] },
        { code: '550641000005106', display: 'Chiropractic clinic', designation: [enUS('Chiropractic clinic')] },
        { code: '550651000005108', display: 'Medical laboratory', designation: [enUS('Medical laboratory')] },
        { code: '550661000005105', display: 'Emergency medical service', designation: [enUS('Emergency medical service')] },
        { code: '554211000005102', display: 'Prehospital unit', designation: [enUS('Prehospital unit')] },
        { code: '550711000005101', display: 'Psychological counseling clinic', designation: [enUS('Psychological counseling clinic')] },
        { code: '550671000005100', display: 'Medical specialist practice site', designation: [enUS('Medical specialist practice site')] },
        { code: '554061000005105', display: 'Chiropodist clinic', designation: [enUS('Chiropodist clinic')] },
        { code: '554041000005106', display: 'Health administration', designation: [enUS('Health administration')] },
        { code: '554021000005101', display: 'Health visitors', designation: [enUS('Health visitors')] },
        { code: '550681000005102', display: 'dental practice', designation: [enUS('Dental practice')] },
        { code: '550691000005104', display: 'Dental care clinic', designation: [enUS('Dental care clinic')] },
        { code: '550701000005104', display: 'Dental technician clinic', designation: [enUS('Dental technician clinic')] },
        { code: '554231000005106', display: 'Vaccination clinic', designation: [enUS('Vaccination clinic')] },
        { code: '554051000005108', display: 'Reflexology clinic', designation: [enUS('Reflexology clinic')] },
        { code: '550811000005108', display: 'Administrative unit', designation: [enUS('Administrative unit')] },
        { code: '547211000005108', display: 'Municipality', designation: [enUS('Municipality')] },
        { code: '550891000005100', display: 'Private', designation: [enUS('Private')] },
        { code: '550881000005103', display: 'Region', designation: [enUS('Region')] },
        { code: '550411000005105', display: 'Other health institution', designation: [enUS('Other health institution')] },
        { code: '554851000005102', display: 'Asylum centre', designation: [enUS('Asylum centre')] },
        {
          code: '550861000005106',
          display: 'Physiotherapy and occupational clinic',
          designation: [enUS('Physiotherapy and occupational clinic')],
        },
        { code: '554881000005108', display: 'Handicap and psychiatry', designation: [enUS('Handicap and psychiatry')] },
        { code: '554861000005100', display: 'Handicap', designation: [enUS('Handicap')] },
        { code: '554821000005109', display: 'Home care', designation: [enUS('Home care')] },
        { code: '554411000005101', display: 'Employment agency', designation: [enUS('Employment agency')] },
        { code: '554871000005105', display: 'Psychiatry', designation: [enUS('Psychiatry')] },
        { code: '550821000005102', display: 'Service unit', designation: [enUS('Service unit')] },
        { code: '550871000005101', display: 'Emergency admission unit', designation: [enUS('Emergency admission unit')] },
        { code: '554241000005103', display: 'Technical location number', designation: [enUS('Technical location number')] },
        { code: '550841000005107', display: 'Research unit', designation: [enUS('Research unit')] },
        { code: '550851000005109', display: 'Clinical unit', designation: [enUS('Clinical unit')] },
        { code: '551611000005102', display: 'Surgical ward', designation: [enUS('Surgical ward')] },
        { code: '554071000005100', display: 'Hospital pharmacy', designation: [enUS('Hospital pharmacy')] },
        { code: '550831000005104', display: 'Education unit', designation: [enUS('Education unit')] },
        { code: '554031000005103', display: 'dietician clinic', designation: [enUS('Dietician clinic')] },
        { code: '557511000005107', display: 'Acupuncture clinic', designation: [enUS('Acupuncture clinic')] },
        { code: '557501000005109', display: 'Pharmacy branch', designation: [enUS('Pharmacy branch')] },
        { code: '557531000005103', display: 'Prosthetist clinic', designation: [enUS('Prosthetist clinic')] },
        { code: '557591000005104', display: 'Web-based care', designation: [enUS('Web-based care')] },
        { code: '557521000005101', display: 'Alternative treatment clinic', designation: [enUS('Alternative treatment clinic')] },
        { code: '557561000005105', display: 'Consulting firm', designation: [enUS('Consulting firm')] },
        { code: '557541000005106', display: 'Cosmetic treatment clinic', designation: [enUS('Cosmetic treatment clinic')] },
        { code: '557581000005102', display: 'Optometrist or optician clinic', designation: [enUS('Optometrist or optician clinic')] },
        { code: '556841000005105', display: 'Social psychological counseling', designation: [enUS('Social psychological counseling')] },
        { code: '557671000005101', display: 'Osteopathy clinic', designation: [enUS('Osteopathy clinic')] },
      ],
    },
    {
      system: 'http://snomed.info/sct',
      concepts: [
        { code: '398070004', display: 'State', designation: [enUS('State')] },
        { code: '394761003', display: 'General practitioner practice site', designation: [enUS('General practitioner practice site')] },
        { code: '20078004', display: 'Substance abuse treatment center', designation: [enUS('Substance abuse treatment center')] },
        { code: '722173008', display: 'Prison based care site', designation: [enUS('Prison based care site')] },
        { code: '702871004', display: 'Infertility clinic', designation: [enUS('Infertility clinic')] },
        { code: '276037005', display: 'Volunteer helper', designation: [enUS('Volunteer helper')] },
        { code: '22232009', display: 'Hospital', designation: [enUS('Hospital')] },
        { code: '702824005', display: 'Audiology clinic', designation: [enUS('Audiology clinic')] },
        { code: '42665001', display: 'Nursing home', designation: [enUS('Nursing home')] },
        { code: '264361005', display: 'Health centre', designation: [enUS('Health centre')] },
        { code: '703069008', display: 'Nurse practitioner clinic', designation: [enUS('Nurse practitioner clinic')] },
        { code: '309964003', display: 'Radiology department', designation: [enUS('Radiology department')] },
        { code: '309904001', display: 'Intensive care unit', designation: [enUS('Intensive care unit')] },
        { code: '309939001', display: 'Palliative care department', designation: [enUS('Palliative care department')] },
        { code: '225728007', display: 'Accident and Emergency department', designation: [enUS('Accident and Emergency department')] },
        { code: '255203001', display: 'Additional values', designation: [enUS('Additional values')] },
        { code: '264372000', display: 'Pharmacy', designation: [enUS('Pharmacy')] },
      ],
    },
  ],
  extra: {
    copyright:
      'This value set includes content from SNOMED CT, which is copyright © 2002+ International Health Terminology Standards Development Organisation (IHTSDO), and distributed by agreement between IHTSDO and HL7. Implementer use of SNOMED CT is not covered by this agreement',
  },
} as const satisfies ValueSetSpec;
export const SorOrganizationType = defineValueSet(pkg, SorOrganizationTypeSpec);

export const UCUMBasicUnitsSpec = {
  id: 'dk-core-UCUM-BasicUnits',
  name: 'UCUMBasicUnits',
  title: 'DK Core UCUM Basic Units',
  experimental: false,
  description: 'UCUM codes to represent units for basic Observations usable in Denmark',
  include: [
    {
      system: 'http://unitsofmeasure.org',
      concepts: [
        { code: '%', display: 'percent' },
        { code: 'cm', display: 'centimeter' },
        { code: '[in_i]', display: 'inch (international)' },
        { code: 'kg', display: 'kilogram' },
        { code: 'g', display: 'gram' },
        { code: '[lb_av]', display: 'pound (US and British)' },
        { code: 'Cel', display: 'degree Celsius' },
        { code: '[degF]', display: 'degree Fahrenheit' },
        { code: 'mm[Hg]', display: 'millimeter of mercury' },
        { code: '/min', display: 'per minute' },
        { code: 'kg/m2', display: 'kilogram / (meter ^ 2)' },
        { code: 'm2', display: 'square meter' },
        { code: '{fraction}', display: 'fraction' },
      ],
    },
  ],
} as const satisfies ValueSetSpec;
export const UCUMBasicUnits = defineValueSet(pkg, UCUMBasicUnitsSpec);

export const MunicipalityCodesValueSetSpec = {
  id: 'dk-core-MunicipalityCodes',
  name: 'MunicipalityCodes',
  title: 'DK Municipality Codes',
  experimental: false,
  description: 'Municipality codes used in Denmark',
  include: [{ system: MunicipalityCodesCodeSystem }, { system: GreenlandMunicipalityCodes }],
} as const satisfies ValueSetSpec;
export const MunicipalityCodesValueSet = defineValueSet(pkg, MunicipalityCodesValueSetSpec);

export const DkCoreProfessionGroupValueSetSpec = {
  id: 'DkCoreProfessionGroupValueSet',
  name: 'DkCoreProfessionGroupValueSet',
  title: 'DK Profession Group',
  experimental: false,
  description: 'DK Profession Group codes',
  include: [{ system: DkCoreProfessionGroupCodes }],
} as const satisfies ValueSetSpec;
export const DkCoreProfessionGroupValueSet = defineValueSet(pkg, DkCoreProfessionGroupValueSetSpec);

export const RegionalSubdivisionCodesSpec = {
  id: 'dk-core-RegionalSubDivisionCodes',
  name: 'RegionalSubdivisionCodes',
  title: 'DK Regional Subdivision Codes',
  experimental: false,
  description: 'Subdivision codes (Regional codes) used in Denmark',
  include: [{ system: DKCoreRegionalSubdivisionCodes }],
} as const satisfies ValueSetSpec;
export const RegionalSubdivisionCodes = defineValueSet(pkg, RegionalSubdivisionCodesSpec);

export const RelatedPersonRelationshipTypesSpec = {
  id: 'dk-core-RelatedPersonRelationshipTypes',
  name: 'RelatedPersonRelationshipTypes',
  title: 'DK Related Person Relationship Types',
  experimental: false,
  description: 'DK Related Person Relationship Types',
  include: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
      concepts: [
        'FAMMEMB',
        'CHILD',
        'DAUC',
        'SONC',
        'GRNDCHILD',
        'CHLDINLAW',
        'PRN',
        'FTH',
        'MTH',
        'SIB',
        'DOMPART',
        'SPS',
        'FRND',
        'NBOR',
        'ROOM',
        'GUARD',
        'NOK',
        'POWATT',
      ],
    },
    { system: DkRelatedPersonRelationshipCodes },
  ],
} as const satisfies ValueSetSpec;
export const RelatedPersonRelationshipTypes = defineValueSet(pkg, RelatedPersonRelationshipTypesSpec);

export const TechniquesSCTCodesSpec = {
  id: 'dk-core-TechniquesSCTCodes',
  name: 'TechniquesSCTCodes',
  title: 'DK TechniquesSCTCodes',
  experimental: false,
  description: 'SNOMED CT Codes for the technique used when obtaining an observation',
  include: [
    {
      system: 'http://snomed.info/sct',
      concepts: [
        { code: '761996005', display: 'Estimation technique (qualifier value)' },
        { code: '733985002', display: 'Reported (qualifier value)' },
        { code: '272391002', display: 'Measurement technique (qualifier value)' },
      ],
    },
  ],
} as const satisfies ValueSetSpec;
export const TechniquesSCTCodes = defineValueSet(pkg, TechniquesSCTCodesSpec);

/** Every terminology resource of this package, in publication order. */
export const resources = [
  AddressType,
  AddressUse,
  AdministrativeGenderDkSupplement,
  CareTeamStatus,
  ConsentState,
  IEEEBasicObservation,
  LoincBasicObservation,
  DkMaritalStatusValueSet,
  NPUBasicObservation,
  SCTBasicObservation,
  SorOrganizationType,
  UCUMBasicUnits,
  DkCoreDeCPRValueSet,
  DaysOfWeek,
  DkCoreDeCPRCodes,
  EpisodeOfCareStatus,
  GreenlandMunicipalityCodes,
  DkMaritalStatus,
  MunicipalityCodesValueSet,
  MunicipalityCodesCodeSystem,
  DkCoreProfessionGroupValueSet,
  DkCoreProfessionGroupCodes,
  PublicationStatus,
  RegionalSubdivisionCodes,
  DKCoreRegionalSubdivisionCodes,
  DkRelatedPersonRelationshipCodes,
  RelatedPersonRelationshipTypes,
  RequestStatus,
  RoleCodeDkSupplement,
  TechniquesSCTCodes,
];
