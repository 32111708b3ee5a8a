import { defineInvariant, defineProfile, R4, required } from '../../../src/dsl/index.js';
import type { ValueSetHandle } from '../../../src/dsl/handles.js';
import { pkg } from './package.js';
import { DkCoreDeCPRValueSet } from './terminology.js';

const CPR_DATE =
  '(((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))';

export const cpr = defineInvariant({
  key: 'cpr',
  severity: 'error',
  human:
    'Requirement of danish civil registration numbers. See https://cpr.dk/cpr-systemet/opbygning-af-cpr-nummeret/#:~:text=5%20%2D%206%20position%20angiver%20personens,i%20personnummeret%20angiver%20personens%20k%C3%B8n.',
  expression: `matches('^(${CPR_DATE}[0-9]{6})$')`,
  focus: 'Identifier.value',
  examples: { pass: ['0101011234', '2902881234'], fail: ['3201011234', '010101123', '0101011234X'] },
});

export const xEcpr = defineInvariant({
  key: 'x-ecpr',
  severity: 'error',
  human:
    'Requirement of danish X-eCPR. See https://www.nspop.dk/pages/viewpage.action?pageId=226757583#eCPRFormater(XeCPRogDeCPR)-Formatetfornationaleerstatningspersonnumre-X-eCPR',
  expression: `value.matches('^(${CPR_DATE}([0-9]{2})((1|7){1})([A-Z]{2})([0-9]{1}))$')`,
  focus: 'Identifier.value',
  examples: { pass: ['0101011AB1'], fail: [] },
  quirk: {
    neverFails:
      "the expression is attached to Identifier.value but navigates to '.value' again, which a string has not: the result is always empty",
    shouldFail: ['not-an-x-ecpr'],
  },
});

export const dEcpr = defineInvariant({
  key: 'd-ecpr',
  severity: 'error',
  human:
    'Requirement of danish D-eCPR. See https://www.nspop.dk/pages/viewpage.action?pageId=226757583#eCPRFormater(XeCPRogDeCPR)-Formatetfordecentraleerstatningspersonnumre-D-eCPR',
  expression: `value.matches('^(${CPR_DATE}([0-9]{2})((0|5|6){1})([A-Z]{2})([0-9]{1}))$')`,
  focus: 'Identifier.value',
  examples: { pass: ['0101010AB1'], fail: [] },
  quirk: {
    neverFails:
      "the expression is attached to Identifier.value but navigates to '.value' again, which a string has not: the result is always empty",
    shouldFail: ['not-a-d-ecpr'],
  },
});

export const minDigitsSor = defineInvariant({
  key: 'min-digits-sor',
  severity: 'error',
  human:
    'SOR Identifiers are at minimum 11 digits long. See https://sundhedsdatastyrelsen.dk/da/rammer-og-retningslinjer/organisationsregistrering',
  expression: "matches('^([0-9]){11,}$')",
  focus: 'Identifier.value',
  examples: { pass: ['12345678901', '123456789012345'], fail: ['1234567890', '1234567890A'] },
});

export const glnLength = defineInvariant({
  key: 'gln-length',
  severity: 'error',
  human: 'GLN must be exactly 13 characters long',
  expression: "matches('^[0-9]{13}$')",
  focus: 'Identifier.value',
  examples: { pass: ['5790000121526'], fail: ['579000012152', '57900001215261'] },
});

export const glnModulus10 = defineInvariant({
  key: 'gln-modulus-10',
  severity: 'error',
  human: 'GLN must pass the modulus 10 check - https://www.gs1.org/services/how-calculate-check-digit-manually',
  expression:
    '((\n(10-((substring(0,1).toInteger()*1)+\n(substring(1,1).toInteger()*3)+\n(substring(2,1).toInteger()*1)+\n(substring(3,1).toInteger()*3)+\n(substring(4,1).toInteger()*1)\n+(substring(5,1).toInteger()*3)\n+(substring(6,1).toInteger()*1)\n+(substring(7,1).toInteger()*3)\n+(substring(8,1).toInteger()*1)\n+(substring(9,1).toInteger()*3)\n+(substring(10,1).toInteger()*1)\n+(substring(11,1).toInteger()*3))mod(10))mod(10))=substring(12,1).toInteger())',
  focus: 'Identifier.value',
  examples: { pass: ['5790000121526'], fail: ['5790000121527'] },
});

export const cvrLength = defineInvariant({
  key: 'CVR-length',
  severity: 'error',
  human: 'CVR must be exactly 8 numeric characters long',
  expression: "matches('^[0-9]{8}$')",
  focus: 'Identifier.value',
  examples: { pass: ['24256790'], fail: ['2425679', '2425679A'] },
});

export const cvrModulus11 = defineInvariant({
  key: 'CVR-modulus-11',
  severity: 'error',
  human: 'CVR must pass the modulus 11 check',
  expression:
    '((\n    (substring(0,1).toInteger()*2)+\n    (substring(1,1).toInteger()*7)+\n    (substring(2,1).toInteger()*6)+\n    (substring(3,1).toInteger()*5)+\n    (substring(4,1).toInteger()*4)+\n    (substring(5,1).toInteger()*3)+\n    (substring(6,1).toInteger()*2)+\n    (substring(7,1).toInteger()*1)) mod(11)=0)',
  focus: 'Identifier.value',
  examples: { pass: ['24256790'], fail: ['24256791'] },
});

export const kombitUuid = defineInvariant({
  key: 'uuid',
  severity: 'error',
  human: 'General UUID expression',
  expression: "matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
  focus: 'Identifier.value',
  examples: {
    pass: ['urn:uuid:9b2c4f1e-3c1a-4d5e-8f6a-0b1c2d3e4f5a'],
    fail: ['9b2c4f1e', 'urn:uuid:9B2C4F1E-3C1A-4D5E-8F6A-0B1C2D3E4F5A'],
  },
});

export const authorizationIdFormat = defineInvariant({
  key: 'authorization-id-format',
  severity: 'error',
  human:
    'Authorization ID consists of exactly 5 consonants and Y and or numbers in any order. See https://stps.dk/da/autorisation/om-autorisationer/autorisations-id/',
  expression: "matches('^([b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z0-9]){5}$')",
  focus: 'Identifier.value',
  examples: { pass: ['NP123', 'Y1X2Z'], fail: ['AE123', 'NP1234'] },
});

export const DkCoreCprIdentifierSpec = {
  id: 'dk-core-cpr-identifier',
  name: 'DkCoreCprIdentifier',
  title: 'Danish Central Person Register (CPR) Identifier',
  description: 'This structure holds the danish [CPR](https://cpr.dk/) identifier',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'urn:oid:1.2.208.176.1.2' },
    value: { card: '1..', maxLength: 10, obeys: [cpr], ms: false },
  },
} as const;
export const DkCoreCprIdentifier = defineProfile(pkg, R4.Identifier, DkCoreCprIdentifierSpec);

export const DkCoreXeCprIdentifierSpec = {
  id: 'dk-core-x-ecpr-identifier',
  name: 'DkCoreXeCprIdentifier',
  title: 'National eCPR service, called X-eCPR',
  description:
    'This strucure holds the danish [X-eCPR](https://www.nspop.dk/pages/viewpage.action?pageId=226757583#eCPRFormater(XeCPRogDeCPR)-Formatetfornationaleerstatningspersonnumre-X-eCPR) identifier, maintained by the Danish Health Data Authority.',
  elements: {
    use: { fixed: 'temp' },
    system: { card: '1..', fixed: 'urn:oid:1.2.208.176.1.6.1.1' },
    value: { card: '1..', maxLength: 10, obeys: [xEcpr], ms: false },
  },
} as const;
export const DkCoreXeCprIdentifier = defineProfile(pkg, R4.Identifier, DkCoreXeCprIdentifierSpec);

/** Takes the version's D-eCPR value set. */
export const DkCoreDeCprIdentifierSpec = (systems: ValueSetHandle) =>
  ({
    id: 'dk-core-d-ecpr-identifier',
    name: 'DkCoreDeCprIdentifier',
    title: 'Decentralised eCPR, called D-eCPR',
    description:
      'This strucure holds the danish [D-eCPR](https://www.nspop.dk/pages/viewpage.action?pageId=226757583#eCPRFormater(XeCPRogDeCPR)-Formatetfordecentraleerstatningspersonnumre-D-eCPR) identifier, which is often used by the Danish regions.',
    elements: {
      use: { fixed: 'temp' },
      system: { card: '1..', binding: required(systems) },
      value: { card: '1..', maxLength: 10, obeys: [dEcpr], ms: false },
    },
  }) as const;
export const DkCoreDeCprIdentifier = defineProfile(pkg, R4.Identifier, DkCoreDeCprIdentifierSpec(DkCoreDeCPRValueSet));

export const SORIdentifierSpec = {
  id: 'dk-core-sor-identifier',
  name: 'SORIdentifier',
  title: 'SOR Identifier',
  description: 'Identifier holding the official SOR identifier for a danish healthcare organization',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'urn:oid:1.2.208.176.1.1' },
    value: { card: '1..', obeys: [minDigitsSor] },
  },
} as const;
export const SORIdentifier = defineProfile(pkg, R4.Identifier, SORIdentifierSpec);

export const GLNIdentifierSpec = {
  id: 'dk-core-gln-identifier',
  name: 'GLNIdentifier',
  title: 'GLN Identifier',
  description: 'Identifier holding a 13 digit GLN',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'https://www.gs1.org/gln' },
    value: { card: '1..', obeys: [glnLength, glnModulus10] },
  },
} as const;
export const GLNIdentifier = defineProfile(pkg, R4.Identifier, GLNIdentifierSpec);

export const CVRIdentifierSpec = {
  id: 'dk-core-cvr-identifier',
  name: 'CVRIdentifier',
  title: 'Danish Central Business Register (CVR) Identifier',
  description: 'Identifier holding a danish [CVR](https://datacvr.virk.dk/data/) number.',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'http://cvr.dk' },
    value: { card: '1..', obeys: [cvrLength, cvrModulus11] },
  },
} as const;
export const CVRIdentifier = defineProfile(pkg, R4.Identifier, CVRIdentifierSpec);

export const KombitOrgIdentifierSpec = {
  id: 'dk-core-kombit-org-identifier',
  name: 'KombitOrgIdentifier',
  title: 'Kombit Organsation Identifier',
  description: 'Identifier holding the organization code issued by KOMBIT',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'https://kombit.dk/sts/organisation' },
    value: { card: '1..', obeys: [kombitUuid] },
  },
} as const;
export const KombitOrgIdentifier = defineProfile(pkg, R4.Identifier, KombitOrgIdentifierSpec);

export const AuthorizationIdentifierSpec = {
  id: 'dk-core-authorization-identifier',
  name: 'AuthorizationIdentifier',
  title: 'Danish Health Professionals Authorization Identifier',
  description:
    'Identifier holding the official [authorization identifier](https://en.stps.dk/en/health-professionals-and-authorities/online-register-registered-health-professionals/) for a practitioner.',
  elements: {
    system: { card: '1..', fixed: 'https://autregweb.sst.dk' },
    value: { card: '1..', maxLength: 5, obeys: [authorizationIdFormat] },
  },
} as const;
export const AuthorizationIdentifier = defineProfile(pkg, R4.Identifier, AuthorizationIdentifierSpec);

export const ProducentIdSpec = {
  id: 'dk-core-producent-id',
  name: 'ProducentId',
  title: 'Producent Id',
  description: 'Offical MedCom code describing the producer of lab results',
  elements: {
    use: { fixed: 'official' },
    system: { card: '1..', fixed: 'http://medcomfhir.dk/ig/terminology/CodeSystem/MedComProducentID' },
    value: { card: '1..' },
  },
} as const;
export const ProducentId = defineProfile(pkg, R4.Identifier, ProducentIdSpec);
