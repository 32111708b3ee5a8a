import { packageContents } from '../../../src/dsl/index.js';
import { DkCoreCondition } from './condition.js';
import { DkCoreMinimalDocumentReference } from './document-reference.js';
import { DkCoreEncounter } from './encounter.js';
import * as ext from './extensions.js';
import * as id from './identifiers.js';
import * as ipa from './ipa.js';
import { DkCoreLocation } from './location.js';
import { DkCoreBasicObservation, DkCoreObservation } from './observation.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import { DkCorePersonServiceRequest } from './service-request.js';
import { resources as terminology } from './terminology.js';

export default packageContents(pkg, [
  ext.ConditionLastAssertedDate,
  ext.NotFollowedAnymore,
  ext.RegionalSubDivisionCodes,
  ext.MunicipalityCodes,
  ext.CareProvider,
  ext.DkCoreDocumentReferenceVersionID,
  ext.PlannedEndDate,
  ext.PlannedStartDate,
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
  DkCoreEncounter,
  DkCoreLocation,
  DkCoreMinimalDocumentReference,
  DkCoreObservation,
  DkCoreOrganization,
  DkCorePatient,
  DkCorePersonServiceRequest,
  DkCorePractitionerRole,
  DkCorePractitioner,
  DkCoreRelatedPerson,
  ipa.IpaDkCoreCondition,
  ipa.IpaDkCoreObservation,
  ipa.IpaDkCorePatient,
  ipa.IpaDkCorePractitioner,
  ipa.IpaDkCorePractitionerRole,
  ...terminology,
]);
