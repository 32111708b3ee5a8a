export { definePackage, type Pkg } from './package.js';
export { defineProfile } from './define-profile.js';
export { defineExtension } from './define-extension.js';
export { assuming, defineInvariant, inContext } from './define-invariant.js';
export { defineCodeSystem, defineValueSet, externalCodeSystem, externalValueSet } from './terminology.js';
export { packageContents, defineInstance } from './define-package.js';
export { R4, externalStructure } from './base.js';
export { Reference, Canonical, required, extensible, preferred, example, slicing } from './types.js';
export type { ElementSpec } from './elements.js';
