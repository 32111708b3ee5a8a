import { packageContents } from '../../../src/dsl/index.js';
import * as identifiers from './identifiers.js';
import { pkg } from './package.js';
import { resources as terminology } from './terminology.js';

export default packageContents(pkg, [
  identifiers.DkCoreCprIdentifier, identifiers.DkCoreXeCprIdentifier, identifiers.DkCoreDeCprIdentifier,
  identifiers.SORIdentifier, identifiers.GLNIdentifier, identifiers.CVRIdentifier, identifiers.KombitOrgIdentifier,
  identifiers.AuthorizationIdentifier, identifiers.ProducentId,
  ...terminology,
]);
