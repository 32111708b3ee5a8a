/** What `medcom-ig standards` (and `validate --ig list`) lists: every standard and version we build. */
import { listStandards, type IgAlias } from '../standards/igs.js';
import { validationDefinitions } from '../standards/validation.js';

/** Every standard and version we build, and every package (`medcom-ig standards`, `--ig list`). */
export interface StandardsCatalogue {
  standards: {
    alias: IgAlias;
    title: string;
    packageId: string;
    current: string;
    versions: { version: string; bundleProfile: string; current: boolean; built: boolean }[];
  }[];
  /** Every package loaded (`id#version`): each can be pinned with `--ig <id>#<version>`. */
  packages: string[];
}

/** The catalogue of what we build, checked against the packages actually loaded (prebuilt or compiled). */
export async function standardsCatalogue(onNotice?: (message: string) => void): Promise<StandardsCatalogue> {
  const defs = await validationDefinitions([], onNotice);
  const packages = defs
    .listPackages()
    .map((p) => p.label)
    .sort();
  return {
    standards: listStandards().map((s) => ({
      ...s,
      versions: s.versions.map((v) => ({ ...v, built: packages.includes(`${s.packageId}#${v.version}`) })),
    })),
    packages,
  };
}

/** The catalogue as text: each standard with its versions (the current one marked), then the packages. */
export function renderStandards(c: StandardsCatalogue): string {
  const lines: string[] = [];
  for (const s of c.standards) {
    lines.push(`${s.alias}  ${s.title}  [${s.packageId}]`);
    for (const v of s.versions)
      lines.push(
        `  ${v.current ? '*' : ' '} ${s.alias}@${v.version}${v.current ? '  (current: --ig ' + s.alias + ')' : ''}${v.built ? '' : '  (not built)'}`,
      );
  }
  lines.push('', 'packages (pin any with --ig <id>#<version>):');
  for (const p of c.packages) lines.push(`  ${p}`);
  return lines.join('\n') + '\n';
}
