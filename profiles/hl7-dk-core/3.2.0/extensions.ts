import { defineExtension, required } from '../../../src/dsl/index.js';
import type { ValueSetHandle } from '../../../src/dsl/handles.js';
import { pkg } from './package.js';
import { MunicipalityCodesValueSet, RegionalSubdivisionCodes } from './terminology.js';

export const ConditionLastAssertedDateSpec = {
  id: 'ConditionLastAssertedDate',
  name: 'ConditionLastAssertedDate',
  title: 'ConditionLastAssertedDate',
  description:
    'Extension for the last date a Condition-instance was confirmed valid in its current state. E.g. with its current clinical- and verification status, stage and severity. Typically the last performed follow-up',
  context: ['Condition'],
  short: 'ConditionLastAssertedDate',
  definition:
    'Extension for the last date a Condition-instance was confirmed valid in its current state. E.g. with its current clinical- and verification status, stage and severity. Typically the last performed follow-up',
  value: ['dateTime'],
} as const;
export const ConditionLastAssertedDate = defineExtension(pkg, ConditionLastAssertedDateSpec);

export const NotFollowedAnymoreSpec = {
  id: 'NotFollowedAnymore',
  name: 'NotFollowedAnymore',
  title: 'NotFollowedAnymore',
  description: 'Extension for the date where a condition lost focus in a specific clinical context',
  context: ['Condition'],
  short: 'NotFollowedAnymore',
  definition: 'Extension for the date where a condition lost focus in a specific clinical context',
  value: ['dateTime'],
} as const;
export const NotFollowedAnymore = defineExtension(pkg, NotFollowedAnymoreSpec);

/** Takes the version's municipality code value set. */
export const MunicipalityCodesSpec = (codes: ValueSetHandle) =>
  ({
    id: 'dk-core-municipalityCodes',
    name: 'MunicipalityCodes',
    title: 'Danish Core Municipality codes',
    description: 'Identifier holding the official identifier for a danish municipality',
    context: ['Patient.address', 'Address'],
    short: 'Danish Core Municipality codes',
    definition: 'Identifier holding the official identifier for a danish municipality',
    value: ['CodeableConcept'],
    elements: {
      'valueCodeableConcept.coding': { binding: required(codes) },
    },
  }) as const;
export const MunicipalityCodes = defineExtension(pkg, MunicipalityCodesSpec(MunicipalityCodesValueSet));

/** Takes the version's region code value set. */
export const RegionalSubDivisionCodesSpec = (codes: ValueSetHandle) =>
  ({
    id: 'dk-core-RegionalSubDivisionCodes',
    name: 'RegionalSubDivisionCodes',
    title: 'Danish Core Regional Sub Division Codes Extension',
    description: 'Identifier holding the official organization identifier for a danish region',
    context: ['Address', 'Patient.address'],
    short: 'Danish Core Regional Sub Division Codes Extension',
    definition: 'Identifier holding the official organization identifier for a danish region',
    value: ['CodeableConcept'],
    elements: {
      'valueCodeableConcept.coding': { binding: required(codes) },
    },
  }) as const;
export const RegionalSubDivisionCodes = defineExtension(pkg, RegionalSubDivisionCodesSpec(RegionalSubdivisionCodes));
