import { defineProfile, R4 } from '../../../src/dsl/index.js';
import * as v320 from '../3.2.0/identifiers.js';
import { pkg } from './package.js';
import { DkCoreDeCPRValueSet } from './terminology.js';

// Unchanged since 3.2.0.
export const DkCoreCprIdentifier = defineProfile(pkg, R4.Identifier, v320.DkCoreCprIdentifierSpec);
export const DkCoreXeCprIdentifier = defineProfile(pkg, R4.Identifier, v320.DkCoreXeCprIdentifierSpec);
export const DkCoreDeCprIdentifier = defineProfile(pkg, R4.Identifier, v320.DkCoreDeCprIdentifierSpec(DkCoreDeCPRValueSet));
export const SORIdentifier = defineProfile(pkg, R4.Identifier, v320.SORIdentifierSpec);
export const GLNIdentifier = defineProfile(pkg, R4.Identifier, v320.GLNIdentifierSpec);
export const CVRIdentifier = defineProfile(pkg, R4.Identifier, v320.CVRIdentifierSpec);
export const KombitOrgIdentifier = defineProfile(pkg, R4.Identifier, v320.KombitOrgIdentifierSpec);
export const AuthorizationIdentifier = defineProfile(pkg, R4.Identifier, v320.AuthorizationIdentifierSpec);
export const ProducentId = defineProfile(pkg, R4.Identifier, v320.ProducentIdSpec);
