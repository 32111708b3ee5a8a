import { defineExtension } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

export const AddressOfficialSpec = {
  id: 'address-official',
  name: 'AddressOfficial',
  title: 'Address Official',
  description:
    'This extension allows to specify if this address is or it is not the official address, or to indicate that this is the official address for that country (true assumed).  Note: It does not make sense to repeat this extension without the valueCodeableConcept to specify jurisdictions.',
  context: ['Address'],
  definition:
    'This extension allows to specify if this address is or it is not the official address, or to indicate that this is the official address for that country (true assumed).  Note: It does not make sense to repeat this extension without the valueCodeableConcept to specify jurisdictions.',
  value: ['boolean', 'CodeableConcept'],
} as const;
export const AddressOfficial = defineExtension(pkg, AddressOfficialSpec);
