import { IG_ALIASES, type IgAlias } from '../standards/igs.js';
import { UsageError } from '../util/errors.js';
import { generateSite, type GenerateSiteResult } from '../site/generate.js';
import { loadSiteInput } from '../site/load.js';

export interface BuildSiteOptions {
  out: string;
  /** Standards to document (default all three). */
  igs?: readonly string[];
  /** A `medcom-ig build --out` folder to read the packages from (default: the prebuilt packages, else compile). */
  from?: string;
  /** Where the prebuilt packages are (default dist/ig). */
  prebuiltDir?: string;
  examplesDir?: string;
  rulesDir?: string;
}

export interface BuildSiteResult extends GenerateSiteResult {
  origin: string;
  /** Milliseconds: reading the packages, generating and writing the pages. */
  timings: { load: number; generate: number };
}

/** `medcom-ig docs`: the documentation site for the chosen standards. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const igs = (options.igs ?? []).map((i) => {
    if (!(IG_ALIASES as readonly string[]).includes(i)) throw new UsageError(`--ig ${i}: expected one of ${IG_ALIASES.join(', ')}`);
    return i as IgAlias;
  });
  const t0 = performance.now();
  const input = await loadSiteInput({
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.prebuiltDir !== undefined ? { prebuiltDir: options.prebuiltDir } : {}),
  });
  const t1 = performance.now();
  const result = await generateSite(input, {
    out: options.out,
    igs,
    ...(options.examplesDir !== undefined ? { examplesDir: options.examplesDir } : {}),
    ...(options.rulesDir !== undefined ? { rulesDir: options.rulesDir } : {}),
  });
  const t2 = performance.now();
  return { ...result, origin: input.origin, timings: { load: t1 - t0, generate: t2 - t1 } };
}

export { loadSiteInput };
