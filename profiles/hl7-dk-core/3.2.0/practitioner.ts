import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineProfile, extensible, R4 } from '../../../src/dsl/index.js';
import { AuthorizationIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { DkCoreProfessionGroupValueSet } from './terminology.js';

export const DkCorePractitionerSpec = (h: {
  readonly AuthorizationIdentifier: StructureHandle;
  readonly ProfessionGroups: ValueSetHandle;
}) =>
  ({
    id: 'dk-core-practitioner',
    name: 'DkCorePractitioner',
    title: 'Danish Core Practitioner Profile',
    description: 'HL7 Denmark core profile for health professionals and other actors relevant in citizen and patient pathways',
    elements: {
      qualification: {
        slicing: {
          discriminator: [{ type: 'value', path: 'identifier.system' }],
          description:
            'Slice based on the identifier.systemm value which allows for official qualifications to\nDeclaring the slices, and their cardinalities, to allow a KL-code and a SNOMED CT code',
          ordered: false,
          rules: 'open',
        },
        slices: {
          officialHealthAuthorization: {
            card: '0..1',
            elements: {
              identifier: {
                short: '[DA] Autorisationskode, som specificeret af autorisationsregisteret',
                only: [h.AuthorizationIdentifier],
              },
              code: {
                short: '[DA] Kode for kvalifikation, som specificeret af autorisationsregisteret',
                binding: extensible(h.ProfessionGroups),
              },
            },
          },
        },
      },
    },
  }) as const;

export const DkCorePractitioner = defineProfile(
  pkg,
  R4.Practitioner,
  DkCorePractitionerSpec({
    AuthorizationIdentifier,
    ProfessionGroups: DkCoreProfessionGroupValueSet,
  }),
);
