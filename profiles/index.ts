import type { PackageIR } from '../src/ir/types.js';
import dkCore320 from './hl7-dk-core/3.2.0/index.js';
import medcomTerminology181 from './medcom-terminology/1.8.1/index.js';
import medcomTerminology200draft from './medcom-terminology/2.0.0-draft/index.js';
import medcomTerminology202 from './medcom-terminology/2.0.2/index.js';
import medcomXdsMetadata101 from './medcom-xdsmetadata/1.0.1/index.js';
import medcomCore240 from './medcom-core/2.4.0/index.js';
import medcomDocument101 from './medcom-document/1.0.1/index.js';
import medcomConditionList101 from './medcom-conditionlist/1.0.1/index.js';
import medcomCore400 from './medcom-core/4.0.0/index.js';
import medcomDocument202 from './medcom-document/2.0.2/index.js';
import medcomNotes100 from './medcom-notes/1.0.0/index.js';

/** Every package this project authors, in dependency order. */
export const packages: PackageIR[] = [
  medcomTerminology181, medcomTerminology200draft, medcomTerminology202, medcomXdsMetadata101, dkCore320, medcomCore240, medcomDocument101,
  medcomConditionList101, medcomCore400, medcomDocument202, medcomNotes100,
];
