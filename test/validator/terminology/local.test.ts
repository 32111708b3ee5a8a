import { beforeAll, describe, expect, it } from 'vitest';
import { LocalTerminology } from '../../../src/validator/terminology/local.js';
import { builtIg } from '../../helpers/build.js';

/**
 * Local terminology against real content: our compiled MedCom packages (terminology 1.8.1,
 * xdsmetadata 1.0.1, DK Core 3.2.0 …) plus the base FHIR R4 definitions.
 */
const MEDCOM_VS = 'http://medcomfhir.dk/ig/terminology/ValueSet/';
const XDS_VS = 'http://medcomfhir.dk/ig/xdsmetadata/ValueSet/';
const SCT = 'http://snomed.info/sct';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

let tx: LocalTerminology;

beforeAll(async () => {
  const result = await builtIg();
  tx = new LocalTerminology(result.definitions.all());
});

describe('explicit concept lists', () => {
  const vs = `${MEDCOM_VS}medcom-conditionlist-status-valueset`;

  it('decides SNOMED CT codes a value set lists, without SNOMED CT itself', () => {
    expect(tx.check(vs, SCT, '723506003').result).toBe('in');
    expect(tx.check(vs, SCT, '15240007').result).toBe('in');
    expect(tx.check(vs, SCT, '404684003')).toEqual({ result: 'not-in' });
  });

  it('a code of another system is not in', () => {
    expect(tx.check(vs, 'http://loinc.org', '723506003').result).toBe('not-in');
  });

  it('the same holds for a versioned canonical', () => {
    expect(tx.check(`${vs}|1.8.1`, SCT, '723506003').result).toBe('in');
    const missing = tx.check(`${vs}|9.9.9`, SCT, '723506003');
    expect(missing.result).toBe('unknown');
    expect(missing.reason).toMatch(/version 9\.9\.9/);
  });

  it('explicit lists of grammar-based systems: listed MIME types in, others not in', () => {
    const mime = `${MEDCOM_VS}medcom-core-attachmentMimeTypes`;
    expect(tx.check(mime, 'urn:ietf:bcp:13', 'application/pdf').result).toBe('in');
    expect(tx.check(mime, 'urn:ietf:bcp:13', 'text/plain').result).toBe('not-in');
  });

  it('R4 languages (listed BCP 47 tags) in; all-languages is unknown unless listed', () => {
    // no display: BCP 47 has no CodeSystem here, and the value set's own displays are not the code system's
    expect(tx.check('http://hl7.org/fhir/ValueSet/languages', 'urn:ietf:bcp:47', 'da')).toEqual({ result: 'in' });
    expect(tx.check('http://hl7.org/fhir/ValueSet/languages', 'urn:ietf:bcp:47', 'en-US').result).toBe('in');
    // language tags compare case-insensitively
    expect(tx.check('http://hl7.org/fhir/ValueSet/languages', 'urn:ietf:bcp:47', 'en-us').result).toBe('in');
    expect(tx.check('http://hl7.org/fhir/ValueSet/languages', 'urn:ietf:bcp:47', 'da-DK').result).toBe('not-in');
    expect(tx.check('http://hl7.org/fhir/ValueSet/languages', 'urn:ietf:bcp:47', 'tlh').result).toBe('not-in');
    const all = tx.check('http://hl7.org/fhir/ValueSet/all-languages', 'urn:ietf:bcp:47', 'tlh');
    expect(all.result).toBe('unknown');
    expect(all.reason).toMatch(/BCP 47/);
  });
});

describe('whole code systems', () => {
  const category = 'http://hl7.org/fhir/ValueSet/condition-category';
  const categorySystem = 'http://terminology.hl7.org/CodeSystem/condition-category';

  it('condition-category: problem-list-item in (with display), bogus not in', () => {
    expect(tx.check(category, categorySystem, 'problem-list-item')).toEqual({ result: 'in', display: 'Problem List Item' });
    expect(tx.check(category, categorySystem, 'bogus')).toEqual({ result: 'not-in' });
    expect(tx.check(category, 'http://example.org/other', 'problem-list-item')).toEqual({ result: 'not-in' });
  });

  it('administrative-gender for a `code` element (no system)', () => {
    const vs = 'http://hl7.org/fhir/ValueSet/administrative-gender';
    // found without a system: the answer names the code system it was found in
    expect(tx.check(vs, undefined, 'female')).toEqual({
      result: 'in',
      display: 'Female',
      system: 'http://hl7.org/fhir/administrative-gender',
    });
    expect(tx.check(vs, undefined, 'unknown').result).toBe('in');
    expect(tx.check(vs, undefined, 'f').result).toBe('not-in');
    // the code system is case-sensitive (the default)
    expect(tx.check(vs, undefined, 'Female').result).toBe('not-in');
  });

  it('all resource types (a large whole-system include), repeatedly', () => {
    const vs = 'http://hl7.org/fhir/ValueSet/resource-types';
    for (let i = 0; i < 1000; i++) expect(tx.check(vs, 'http://hl7.org/fhir/resource-types', 'Patient').result).toBe('in');
    expect(tx.check(vs, undefined, 'Bundle').result).toBe('in');
    expect(tx.check(vs, undefined, 'NotAResource').result).toBe('not-in');
  });

  it('a case-insensitive MedCom code system (caseSensitive: false)', () => {
    const vs = `${MEDCOM_VS}medcom-careCommunication-categories`;
    const system = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes';
    expect(tx.check(vs, system, 'carecoordination').result).toBe('in');
    expect(tx.check(vs, system, 'CareCoordination').result).toBe('in');
    expect(tx.check(vs, system, 'not-a-category').result).toBe('not-in');
    expect(tx.checkCodeSystem(system, 'CARECOORDINATION').result).toBe('in');
  });

  it('a whole external system is unknown, never not-in', () => {
    const r = tx.check('http://hl7.org/fhir/ValueSet/mimetypes', 'urn:ietf:bcp:13', 'text/plain');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/grammar/);
  });

  it('an example code system: codes it lists are in, others unknown', () => {
    const vs = 'http://hl7.org/fhir/ValueSet/service-category';
    const system = 'http://terminology.hl7.org/CodeSystem/service-category';
    expect(tx.check(vs, system, '1').result).toBe('in');
    const other = tx.check(vs, system, 'no-such-category');
    expect(other.result).toBe('unknown');
    expect(other.reason).toMatch(/example/);
  });
});

describe('filters', () => {
  it('a filter on SNOMED CT (encounter-reason: is-a) is unknown', () => {
    const r = tx.check('http://hl7.org/fhir/ValueSet/encounter-reason', SCT, '22298006');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/SNOMED CT/);
    // a code of another system is still decidable
    expect(tx.check('http://hl7.org/fhir/ValueSet/encounter-reason', 'http://loinc.org', '1234-5').result).toBe('not-in');
  });

  it('v3-ActEncounterCode: is-a _ActEncounterCode minus the abstract head', () => {
    const vs = 'http://terminology.hl7.org/ValueSet/v3-ActEncounterCode';
    expect(tx.check(vs, ACT_CODE, 'AMB')).toEqual({ result: 'in', display: 'ambulatory' });
    expect(tx.check(vs, ACT_CODE, 'IMP').result).toBe('in');
    // a grandchild: IMP > ACUTE
    expect(tx.check(vs, ACT_CODE, 'ACUTE').result).toBe('in');
    expect(tx.check(vs, ACT_CODE, '_ActEncounterCode').result).toBe('not-in');
    // an ActCode outside the _ActEncounterCode branch
    expect(tx.check(vs, ACT_CODE, 'SUBSIST').result).toBe('not-in');
    expect(tx.check(vs, ACT_CODE, 'amb').result).toBe('not-in');
  });

  it('MedCom encounter class: descendent-of _ActEncounterCode plus a MedCom code', () => {
    const vs = `${MEDCOM_VS}medcom-core-encounter-class`;
    expect(tx.check(vs, ACT_CODE, 'EMER').result).toBe('in');
    expect(tx.check(vs, ACT_CODE, '_ActEncounterCode').result).toBe('not-in');
    expect(tx.check(vs, 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-encounter-act-codes', 'other').result).toBe('in');
  });

  it('is-not-a on a flat v2 table (patient-contactrelationship)', () => {
    const vs = 'http://hl7.org/fhir/ValueSet/patient-contactrelationship';
    const system = 'http://terminology.hl7.org/CodeSystem/v2-0131';
    expect(tx.check(vs, system, 'C').result).toBe('in');
    expect(tx.check(vs, system, 'N').result).toBe('in');
    expect(tx.check(vs, system, 'O').result).toBe('not-in');
    expect(tx.check(vs, system, 'XYZ').result).toBe('not-in');
  });

  it('a filter on a property the code system does not define is unknown (example-filter)', () => {
    const r = tx.check('http://hl7.org/fhir/ValueSet/example-filter', 'http://hl7.org/fhir/CodeSystem/example', 'chol');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/acme-plasma/);
  });

  it('a regex filter on an external system is unknown (iso3166-1-3)', () => {
    expect(tx.check('http://hl7.org/fhir/ValueSet/iso3166-1-3', 'urn:iso:std:iso:3166', 'DNK').result).toBe('unknown');
  });

  it('include + exclude across systems (encounter-participant-type)', () => {
    const vs = 'http://hl7.org/fhir/ValueSet/encounter-participant-type';
    const pt = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
    expect(tx.check(vs, pt, 'ADM').result).toBe('in');
    expect(tx.check(vs, pt, 'SPRF').result).toBe('in');
    expect(tx.check(vs, pt, '_ParticipationAncillary').result).toBe('not-in');
    expect(tx.check(vs, pt, 'AUT').result).toBe('not-in');
    expect(tx.check(vs, 'http://terminology.hl7.org/CodeSystem/participant-type', 'translator').result).toBe('in');
  });
});

describe('value set imports', () => {
  const vs = 'http://hl7.dk/fhir/core/ValueSet/dk-marital-status';
  const v3 = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus';
  const dk = 'http://hl7.dk/fhir/core/CodeSystem/dk-marital-status';

  it('DK marital status imports the R4 marital-status value set', () => {
    expect(tx.check(vs, v3, 'M')).toEqual({ result: 'in', display: 'Married' });
    expect(tx.check(vs, 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', 'UNK').result).toBe('in');
    expect(tx.check(vs, 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', 'NI').result).toBe('not-in');
    expect(tx.check(vs, dk, 'P')).toEqual({ result: 'in', display: 'Registered partnership' });
    expect(tx.check(vs, dk, 'M').result).toBe('not-in');
  });

  it('without a system: unique codes decide, a code of two systems is ambiguous', () => {
    expect(tx.check(vs, undefined, 'O').result).toBe('in');
    expect(tx.check(vs, undefined, 'Z').result).toBe('not-in');
    const p = tx.check(vs, undefined, 'P'); // v3 Polygamous and DK Registered partnership
    expect(p.result).toBe('unknown');
    expect(p.reason).toMatch(/several code systems/);
  });
});

describe('missing definitions', () => {
  it('a missing value set is unknown', () => {
    const r = tx.check('http://example.org/fhir/ValueSet/nope', 'http://example.org/cs', 'x');
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/not available/);
    expect(tx.check('http://example.org/fhir/ValueSet/nope', undefined, 'x').result).toBe('unknown');
  });

  it('a value set over a code system that is not available: listed codes in, others not in', () => {
    // MedComObservationValueSet lists codes of https://terminology.medcom.dk/fhir/observation-code explicitly
    const vs = `${MEDCOM_VS}MedComObservationValueSet`;
    expect(tx.check(vs, 'https://terminology.medcom.dk/fhir/observation-code', 'MCS88122').result).toBe('in');
    expect(tx.check(vs, 'https://terminology.medcom.dk/fhir/observation-code', 'MCS00000').result).toBe('not-in');
  });
});

describe('OID aliases (MedCom XDS metadata)', () => {
  const classCodes = `${XDS_VS}MedCom-ihe-core-classcode-VS`;
  const classCs = 'http://medcomfhir.dk/ig/xdsmetadata/CodeSystem/MedCom-ihe-classcode-CS';

  it('a value set including urn:oid: matches the system as written', () => {
    const r = tx.check(classCodes, 'urn:oid:1.2.208.184.100.9', '001');
    expect(r.result).toBe('in');
    expect(r.display).toBe('Klinisk rapport');
    expect(r.reason).toMatch(/identifier/);
    expect(tx.check(classCodes, 'urn:oid:1.2.208.184.100.9', '002').result).toBe('not-in');
  });

  it('and the CodeSystem url whose identifier is that OID, saying so', () => {
    const r = tx.check(classCodes, classCs, '001');
    expect(r.result).toBe('in');
    expect(r.reason).toMatch(/urn:oid:1\.2\.208\.184\.100\.9 matched CodeSystem .*MedCom-ihe-classcode-CS by its identifier/);
  });

  it('checkCodeSystem resolves an OID through the identifier', () => {
    const r = tx.checkCodeSystem('urn:oid:1.2.208.184.100.10', 'urn:ad:dk:medcom:plr-v1.0:full');
    expect(r.result).toBe('in');
    expect(r.reason).toMatch(/MedCom-ihe-formatcode-CS/);
    expect(tx.checkCodeSystem('urn:oid:1.2.208.184.100.10', 'urn:ad:dk:medcom:nope').result).toBe('not-in');
  });

  it('an R4 v3 code system by its OID (confidentiality)', () => {
    const vs = `${XDS_VS}MedCom-ihe-core-confidentialitycode-VS`;
    expect(tx.check(vs, 'urn:oid:2.16.840.1.113883.5.25', 'N').result).toBe('in');
    expect(tx.check(vs, 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', 'N').result).toBe('in');
    expect(tx.check(vs, 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', 'R').result).toBe('not-in');
  });

  it('SNOMED CT listed under its OID', () => {
    const vs = `${XDS_VS}MedCom-ihe-core-HealthcareFacilityTypeCode-VS`;
    const r = tx.check(vs, 'urn:oid:2.16.840.1.113883.6.96', '394761003');
    expect(r.result).toBe('in');
    expect(r.display).toBeUndefined();
    expect(tx.check(vs, SCT, '394761003').result).toBe('in');
    expect(tx.check(vs, SCT, '22298006').result).toBe('not-in');
  });
});

describe('checkCodeSystem', () => {
  it('complete code systems decide', () => {
    expect(tx.checkCodeSystem('http://hl7.org/fhir/administrative-gender', 'male')).toEqual({ result: 'in', display: 'Male' });
    expect(tx.checkCodeSystem('http://hl7.org/fhir/administrative-gender', 'man').result).toBe('not-in');
    expect(tx.checkCodeSystem(ACT_CODE, 'ACUTE').result).toBe('in');
    expect(tx.checkCodeSystem('http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes', '0101').result).toBe('in');
  });

  it('SNOMED CT (not-present stub in R4), unknown systems and supplements are unknown', () => {
    expect(tx.checkCodeSystem(SCT, '22298006').result).toBe('unknown');
    expect(tx.checkCodeSystem('http://example.org/no-such-system', 'x').result).toBe('unknown');
    const sup = tx.checkCodeSystem('http://hl7.dk/fhir/core/CodeSystem/administrative-gender-supplement', 'male');
    expect(sup.result).toBe('unknown');
    expect(sup.reason).toMatch(/supplement/);
  });

  it('a fragment code system: listed codes in, others unknown', () => {
    const system = 'http://terminology.hl7.org/CodeSystem/insurance-plan-type';
    expect(tx.checkCodeSystem(system, 'medical').result).toBe('in');
    expect(tx.checkCodeSystem(system, 'no-such-plan').result).toBe('unknown');
  });

  it('a versioned system', () => {
    const system = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';
    expect(tx.checkCodeSystem(`${system}|1.8.1`, 'empty-message').result).toBe('in');
    expect(tx.checkCodeSystem(`${system}|0.1`, 'empty-message').result).toBe('unknown');
  });
});
