import type { PackageIR } from '../src/ir/types.js';
import fhirExtensions510 from './hl7-fhir-uv-extensions/5.1.0/index.js';
import fhirExtensions530 from './hl7-fhir-uv-extensions/5.3.0-ballot-tc1/index.js';
import dkCore320 from './hl7-dk-core/3.2.0/index.js';
import dkCore340 from './hl7-dk-core/3.4.0/index.js';
import dkCore350 from './hl7-dk-core/3.5.0/index.js';
import iheMhd423 from './ihe-iti-mhd/4.2.3/index.js';
import xverR5R4 from './hl7-fhir-uv-xver-r5-r4/0.0.1-snapshot-2/index.js';
import medcomTerminology181 from './medcom-terminology/1.8.1/index.js';
import medcomTerminology200draft from './medcom-terminology/2.0.0-draft/index.js';
import medcomTerminology202 from './medcom-terminology/2.0.2/index.js';
import medcomXdsMetadata101 from './medcom-xdsmetadata/1.0.1/index.js';
import medcomCore240 from './medcom-core/2.4.0/index.js';
import medcomDocument101 from './medcom-document/1.0.1/index.js';
import medcomConditionList101 from './medcom-conditionlist/1.0.1/index.js';
import medcomMessaging300 from './medcom-messaging/3.0.0/index.js';
import medcomMessageDefinitions100 from './medcom-messagedefinitions/1.0.0-trial-use/index.js';
import medcomHco110 from './medcom-hco/1.1.0-trial-use/index.js';
import medcomMessageDefinitions101 from './medcom-messagedefinitions/1.0.1-trial-use/index.js';
import medcomMessageDefinitions100final from './medcom-messagedefinitions/1.0.0/index.js';
import medcomHco111 from './medcom-hco/1.1.1-trial-use/index.js';
import medcomHco120 from './medcom-hco/1.2.0/index.js';
import medcomHco121 from './medcom-hco/1.2.1/index.js';
import medcomCore400 from './medcom-core/4.0.0/index.js';
import medcomDocument202 from './medcom-document/2.0.2/index.js';
import medcomNotes100 from './medcom-notes/1.0.0/index.js';
import medcomIgLocal010 from './medcom-ig-local/0.1.0/index.js';

/** Every package this project authors, in dependency order. */
export const packages: PackageIR[] = [
  medcomTerminology181,
  medcomTerminology200draft,
  medcomTerminology202,
  medcomXdsMetadata101,
  fhirExtensions510,
  fhirExtensions530,
  dkCore320,
  dkCore340,
  xverR5R4,
  iheMhd423,
  dkCore350,
  medcomCore240,
  medcomDocument101,
  medcomConditionList101,
  medcomMessaging300,
  medcomMessageDefinitions100,
  medcomHco110,
  medcomMessageDefinitions101,
  medcomMessageDefinitions100final,
  medcomHco111,
  medcomHco120,
  medcomHco121,
  medcomCore400,
  medcomDocument202,
  medcomNotes100,
  // ours, not MedCom's: local extensions for GP journal notes (issue 6)
  medcomIgLocal010,
];
