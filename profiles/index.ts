import type { PackageIR } from '../src/ir/types.js';
import dkCore320 from './hl7-dk-core/3.2.0/index.js';

/** Every package this project authors, in dependency order. */
export const packages: PackageIR[] = [dkCore320];
