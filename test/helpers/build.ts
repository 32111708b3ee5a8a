import { buildIg, type BuildResult } from '../../src/api/build.js';
import { igPackages } from '../../src/api/packages.js';

let cached: Promise<BuildResult> | undefined;

/** The whole IG compiled once per test file (in memory). */
export function builtIg(): Promise<BuildResult> {
  cached ??= igPackages().then((packages) => buildIg({ packages }));
  return cached;
}
