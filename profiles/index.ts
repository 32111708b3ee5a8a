import type { PackageIR } from '../src/ir/types.js';
import fhirExtensions510 from './hl7-fhir-uv-extensions/5.1.0/index.js';
import fhirExtensions530 from './hl7-fhir-uv-extensions/5.3.0-ballot-tc1/index.js';
import dkCore320 from './hl7-dk-core/3.2.0/index.js';
import dkCore340 from './hl7-dk-core/3.4.0/index.js';
import medcomTerminology181 from './medcom-terminology/1.8.1/index.js';
import medcomXdsMetadata101 from './medcom-xdsmetadata/1.0.1/index.js';
import medcomCore240 from './medcom-core/2.4.0/index.js';
import medcomDocument101 from './medcom-document/1.0.1/index.js';
import medcomConditionList101 from './medcom-conditionlist/1.0.1/index.js';

/** Every package this project authors, in dependency order. */
export const packages: PackageIR[] = [medcomTerminology181, medcomXdsMetadata101, fhirExtensions510, fhirExtensions530, dkCore320, dkCore340, medcomCore240, medcomDocument101, medcomConditionList101];
