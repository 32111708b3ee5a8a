import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreOrganizationSpec } from '../3.2.0/organization.js';
import { CVRIdentifier, GLNIdentifier, KombitOrgIdentifier, ProducentId, SORIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { MunicipalityCodesValueSet, SorOrganizationType } from './terminology.js';

// Unchanged since 3.2.0.
export const DkCoreOrganization = defineProfile(
  pkg,
  R4.Organization,
  DkCoreOrganizationSpec({
    GLNIdentifier,
    SORIdentifier,
    KombitOrgIdentifier,
    CVRIdentifier,
    ProducentId,
    MunicipalityCodes: MunicipalityCodesValueSet,
    OrganizationTypes: SorOrganizationType,
  }),
);
