import { defineExtension, packageContents } from '../../../src/dsl/index.js';
import { AddressOfficialSpec } from '../5.1.0/extensions.js';
import { pkg } from './package.js';

export const AddressOfficial = defineExtension(pkg, AddressOfficialSpec);

export default packageContents(pkg, [AddressOfficial]);
