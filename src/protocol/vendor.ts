/** The vendor file (`--vendor-file vendor.json`): §2.1 and §2.2 of the protocol, filled by the vendor. */
import { Ajv } from 'ajv';
import { UsageError } from '../util/errors.js';
import type { VendorInfo } from './report-model.js';
import { readJsonFile } from '../util/json-file.js';
import { MAX_CONFIG_BYTES } from './evidence.js';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    company: { type: 'string' },
    address: { type: 'string' },
    contactPerson: { type: 'string' },
    telephone: { type: 'string' },
    email: { type: 'string' },
    system: { type: 'string' },
    version: { type: 'string' },
    description: { type: 'string' },
    testType: { enum: ['self-test', 'final-test'] },
  },
} as const;

export const VENDOR_TEMPLATE: VendorInfo & { $comment: string } = {
  $comment: '§2.1 and §2.2 of the test protocol, completed by the vendor. testType: self-test or final-test.',
  company: '',
  address: '',
  contactPerson: '',
  telephone: '',
  email: '',
  system: '',
  version: '',
  description: '',
  testType: 'self-test',
};

/** Read and check a vendor file; problems are usage errors naming the file. */
export function readVendorFile(file: string): VendorInfo {
  // a file the user named: anywhere, but a regular file and small (a FIFO or /dev/zero is refused)
  const data = readJsonFile(file, 'vendor file', { maxBytes: MAX_CONFIG_BYTES });
  const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
  if (!validate(data)) {
    throw new UsageError(
      `${file}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${'additionalProperty' in e.params ? ` '${String(e.params['additionalProperty'])}'` : ''}`).join('; ')}`,
    );
  }
  const { $comment: _comment, ...vendor } = data as VendorInfo & { $comment?: string };
  void _comment;
  // empty strings are "not filled in"
  return Object.fromEntries(Object.entries(vendor).filter(([, v]) => v !== ''));
}
