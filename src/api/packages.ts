/** The IG packages this project authors (src/standards/packages.ts). */
export { igPackages } from '../standards/packages.js';
