import type { StructureHandle } from '../../../src/dsl/handles.js';
import { defineProfile, externalValueSet, R4, Reference, required } from '../../../src/dsl/index.js';
import { ConditionLastAssertedDate, NotFollowedAnymore } from './extensions.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';

/** Base R4's SNOMED CT condition codes. */
const ConditionCode = externalValueSet('http://hl7.org/fhir/ValueSet/condition-code');

const codingSlice = (short: string, system: string) =>
  ({
    card: '0..1',
    short,
    elements: { system: { card: '1..', pattern: system } },
  }) as const;

/** The handles DK Core Condition refers to, as each version has them. */
export interface ConditionRefs {
  readonly ConditionLastAssertedDate: StructureHandle;
  readonly NotFollowedAnymore: StructureHandle;
  readonly Patient: StructureHandle;
  readonly Practitioner: StructureHandle;
  readonly PractitionerRole: StructureHandle;
  readonly RelatedPerson: StructureHandle;
}

export const DkCoreConditionSpec = (h: ConditionRefs) =>
  ({
    id: 'dk-core-condition',
    name: 'DkCoreCondition',
    title: 'Danish Core Condition Profile',
    description:
      'HL7 Denmark core profile for professionally asserted conditions, as specified by danish health and social care organizations',
    elements: {
      extension: {
        slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
        extensions: {
          dueTo: { extension: 'http://hl7.org/fhir/StructureDefinition/condition-dueTo', card: '0..1' },
          conditionLastAssertedDate: {
            extension: h.ConditionLastAssertedDate,
            card: '0..1',
            short: 'Last date a condition was confirmed valid in its current state',
          },
          notFollowedAnymore: {
            extension: h.NotFollowedAnymore,
            card: '0..1',
            short: 'Date where a condition lost focus in a specific clinical context',
          },
        },
      },
      'code.coding': {
        short: 'Condition code, [DA] tilstandskode',
        slicing: {
          discriminator: [{ type: 'value', path: 'system' }],
          description: 'Slice based on the code.system value which allow different code-systems to represent a condition',
          ordered: false,
          rules: 'open',
        },
        slices: {
          FSIIIConditionCode: codingSlice('[DA] FSIII tilstandskode', 'urn:oid:1.2.208.176.2.21'),
          SCTConditionCode: { ...codingSlice('SNOMED CT condition code', 'http://snomed.info/sct'), binding: required(ConditionCode) },
          FFBConditionCode: codingSlice('[DA] FFB undertemakode', 'urn:oid:1.2.208.176.2.22'),
          'SKS-D': codingSlice('[DA] Kode fra D-hierarkiet i SKS', 'urn:oid:1.2.208.176.2.4.12'),
          ICPC2code: codingSlice('ICPC2 code', 'urn:oid:1.2.208.176.2.31'),
        },
      },
      subject: { only: [Reference(h.Patient)] },
      recorder: { only: [Reference(h.Practitioner, h.PractitionerRole, h.Patient, h.RelatedPerson)] },
      asserter: { only: [Reference(h.Practitioner, h.PractitionerRole)] },
    },
  }) as const;

export const DkCoreCondition = defineProfile(
  pkg,
  R4.Condition,
  DkCoreConditionSpec({
    ConditionLastAssertedDate,
    NotFollowedAnymore,
    Patient: DkCorePatient,
    Practitioner: DkCorePractitioner,
    PractitionerRole: R4.PractitionerRole,
    RelatedPerson: DkCoreRelatedPerson,
  }),
);
