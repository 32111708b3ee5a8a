import { packageContents } from '../../../src/dsl/index.js';
import { DkCoreCondition } from './condition.js';
import { ConditionLastAssertedDate, MunicipalityCodes, NotFollowedAnymore, RegionalSubDivisionCodes } from './extensions.js';
import * as id from './identifiers.js';
import { DkCoreBasicObservation, DkCoreObservation } from './observation.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import { resources as terminology } from './terminology.js';

export default packageContents(pkg, [
  ConditionLastAssertedDate,
  NotFollowedAnymore,
  RegionalSubDivisionCodes,
  MunicipalityCodes,
  id.AuthorizationIdentifier,
  id.DkCoreCprIdentifier,
  id.CVRIdentifier,
  id.DkCoreDeCprIdentifier,
  id.GLNIdentifier,
  id.KombitOrgIdentifier,
  id.ProducentId,
  id.SORIdentifier,
  id.DkCoreXeCprIdentifier,
  DkCoreBasicObservation,
  DkCoreCondition,
  DkCoreObservation,
  DkCoreOrganization,
  DkCorePatient,
  DkCorePractitioner,
  DkCoreRelatedPerson,
  ...terminology,
]);
