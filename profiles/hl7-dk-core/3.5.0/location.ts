import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreLocationSpec } from '../3.4.0/location.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';

// Unchanged since 3.4.0.
export const DkCoreLocation = defineProfile(pkg, R4.Location, DkCoreLocationSpec({ Organization: DkCoreOrganization }));
