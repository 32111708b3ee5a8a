import { defineExtension, Reference } from '../../../src/dsl/index.js';
import * as v320 from '../3.2.0/extensions.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { MunicipalityCodesValueSet, RegionalSubdivisionCodes } from './terminology.js';

// Unchanged since 3.2.0.
export const ConditionLastAssertedDate = defineExtension(pkg, v320.ConditionLastAssertedDateSpec);
export const NotFollowedAnymore = defineExtension(pkg, v320.NotFollowedAnymoreSpec);
export const MunicipalityCodes = defineExtension(pkg, v320.MunicipalityCodesSpec(MunicipalityCodesValueSet));
export const RegionalSubDivisionCodes = defineExtension(pkg, v320.RegionalSubDivisionCodesSpec(RegionalSubdivisionCodes));

// New in 3.5.0: the encounter extensions.

export const PlannedStartDate = defineExtension(pkg, {
  id: 'dk-core-planned-start-date',
  name: 'PlannedStartDate',
  title: 'PlannedStartDate',
  description: 'The planned start date/time (or admission date) of the encounter',
  context: ['Encounter'],
  short: 'PlannedStartDate',
  definition: 'The planned start date/time (or admission date) of the encounter',
  value: ['dateTime'],
});

export const PlannedEndDate = defineExtension(pkg, {
  id: 'dk-core-planned-end-date',
  name: 'PlannedEndDate',
  title: 'PlannedEndDate',
  description: 'The planned end date/time (or discharge date) of the encounter',
  context: ['Encounter'],
  short: 'PlannedEndDate',
  definition: 'The planned end date/time (or discharge date) of the encounter',
  value: ['dateTime'],
});

export const CareProvider = defineExtension(pkg, {
  id: 'dk-core-care-provider',
  name: 'CareProvider',
  title: 'CareProvider',
  description: 'The organization (facility) responsible for the care of the patient during this encounter',
  context: ['Encounter'],
  short: 'CareProvider',
  definition: 'The organization (facility) responsible for the care of the patient during this encounter',
  value: [Reference(DkCoreOrganization)],
});

/** New in 3.5.0: the version of a DocumentReference profile for a standard (R5 has `DocumentReference.version`). */
export const DkCoreDocumentReferenceVersionID = defineExtension(pkg, {
  id: 'dk-core-documentreference-version-id-extension',
  name: 'DkCoreDocumentReferenceVersionID',
  title: 'HL7 Denmark core DocumentReference Version ID extension',
  description:
    'Extension containing information about the version of the DocumentReference for a specific standard. The version is included in the R5 version of the resource.',
  context: ['Element'],
  short: 'HL7 Denmark core DocumentReference Version ID extension',
  definition:
    'Extension containing information about the version of the DocumentReference for a specific standard. The version is included in the R5 version of the resource.',
  elements: {
    'value[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    valueString: { card: '1..1', only: ['string'], ms: true },
  },
});
