export { buildIg, type BuildOptions, type BuildResult } from './build.js';
export { igPackages } from './packages.js';
export { runParity, type ParityRun } from './parity.js';
