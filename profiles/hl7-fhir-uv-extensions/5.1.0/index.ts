import { packageContents } from '../../../src/dsl/index.js';
import { AddressOfficial } from './extensions.js';
import { pkg } from './package.js';

export default packageContents(pkg, [AddressOfficial]);
