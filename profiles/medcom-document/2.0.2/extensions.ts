import { defineExtension } from '../../../src/dsl/index.js';
import { homeCommunityIdSpec, versionIdSpec } from '../1.0.1/extensions.js';
import { pkg } from './package.js';

/* Both extensions are unchanged since 1.0.1 (2.0 only adds SHALL:in-narrative obligations, not authored here). */
export const MedComDocumentHomeCommunityID = defineExtension(pkg, homeCommunityIdSpec);
export const MedComDocumentVersionID = defineExtension(pkg, versionIdSpec);
