import { defineProfile, extensible, R4, Reference } from '../../../src/dsl/index.js';
import { CareProvider, PlannedEndDate, PlannedStartDate } from './extensions.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCoreEncounterPriority } from './terminology.js';

/** New in 3.5.0. */
export const DkCoreEncounter = defineProfile(pkg, R4.Encounter, {
  id: 'dk-core-encounter',
  name: 'DkCoreEncounter',
  title: 'Danish Core Encounter Profile',
  description: 'HL7 Denmark core profile for an encounter',
  elements: {
    extension: {
      slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
      extensions: {
        plannedStartDate: {
          extension: PlannedStartDate,
          card: '0..1',
          short: 'The planned start date/time (or admission date) of the encounter',
        },
        plannedEndDate: {
          extension: PlannedEndDate,
          card: '0..1',
          short: 'The planned end date/time (or discharge date) of the encounter',
        },
        careProvider: {
          extension: CareProvider,
          card: '0..1',
          short: 'The organization (facility) responsible for the care of the patient during this encounter',
        },
      },
    },
    priority: { binding: extensible(DkCoreEncounterPriority) },
    subject: { only: [Reference(DkCorePatient)] },
    serviceProvider: { only: [Reference(DkCoreOrganization)] },
  },
});
