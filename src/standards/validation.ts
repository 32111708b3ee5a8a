/**
 * What validating against our standards needs, below the API so that protocol runs, TestScripts and
 * the diff can use it too: the definitions (our IG packages over base R4, plus any FHIR packages
 * given) and a Validator on them with local terminology.
 */
import { existsSync } from 'node:fs';
import { withGeneratedSnapshot } from '../compiler/from-differential.js';
import type { SD } from '../compiler/element-list.js';
import { BaseR4Source } from '../defs/base-r4.js';
import { loadFromCache, loadPackages } from '../defs/load-package.js';
import { Definitions, type SnapshotGenerator } from '../defs/registry.js';
import type { FhirResource } from '../defs/resource.js';
import { UsageError } from '../util/errors.js';
import type { ContextResources } from '../validator/load/context.js';
import type { SourceDoc } from '../validator/load/source.js';
import type { Locale } from '../validator/messages/index.js';
import type { FhirModel } from '../validator/model.js';
import type { ExportPurpose, RuleSelection } from '../validator/rules/registry.js';
import type { HeldTerminology } from '../validator/terminology/held.js';
import { LocalTerminology } from '../validator/terminology/local.js';
import { UcumUnits } from '../validator/terminology/ucum.js';
import { Validator } from '../validator/validator.js';
import { loadPrebuilt, prebuiltUcumUnits, r4PackageDir } from './prebuilt.js';

/** The compiler as the definitions' snapshot generator for differential-only StructureDefinitions. */
const snapshotGenerator: SnapshotGenerator = (sd, resolver) => {
  const { resource, problems } = withGeneratedSnapshot(sd as unknown as SD, resolver);
  return resource ? { resource: resource as unknown as FhirResource, problems } : { problems };
};

/**
 * The one place the compiler is installed as `defs`' snapshot generator (defs sits below the compiler): every
 * Definitions validation uses (validationDefinitions, newValidator, a test runner's registry, a `--profile`
 * lookup) goes through here. Definitions that already generate snapshots keep their generator and its
 * `onNotice`.
 */
export function generatingSnapshots(defs: Definitions, onNotice?: (message: string) => void): Definitions {
  if (!defs.generatesSnapshots) defs.setSnapshotGenerator(snapshotGenerator, onNotice);
  return defs;
}

/**
 * Definitions for validation: our IG packages (prebuilt at install time when current, compiled in
 * memory otherwise) over the compact base R4 bundles, plus any FHIR packages given.
 */
export async function validationDefinitions(packages: string[] = [], onNotice?: (message: string) => void): Promise<Definitions> {
  const packageDir = r4PackageDir();
  const defs = generatingSnapshots(new Definitions(new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) })), onNotice);
  if (!(await loadPrebuilt(defs, undefined, onNotice))) {
    // not installed through npm ci / npm run compile: compile our packages in memory
    const [{ buildIg }, { igPackages }] = await Promise.all([import('../package/build.js'), import('./packages.js')]);
    await buildIg({ packages: await igPackages(), definitions: defs });
  }
  for (const p of packages) {
    const m = /^([a-z0-9][a-z0-9._-]*)#([0-9][A-Za-z0-9.-]*)$/i.exec(p);
    try {
      const loaded =
        m && !existsSync(p)
          ? [await loadFromCache(m[1]!, m[2]!, undefined, { definitionsOnly: true })]
          : await loadPackages(p, { definitionsOnly: true });
      for (const pkg of loaded) defs.addPackage(pkg);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return defs;
}

/** Reads an XML document into a SourceDoc (src/validator/load/xml.ts, loaded by the caller when first needed). */
export type XmlReader = (file: string, text: string, model: FhirModel) => SourceDoc;

/**
 * A Validator on `defs` with local terminology; `scopeProfile` decides which package's canonicals win,
 * for profiles and value sets alike (HCO's NPU value set is not Notes').
 */
export function newValidator(
  defs: Definitions,
  options: {
    scopeProfile?: string;
    /** Without scopeProfile: the package whose closure canonicals resolve in first (`--ig <id>#<version>`). */
    scopePackage?: { id: string; version: string };
    locale?: Locale;
    readXml?: XmlReader;
    suppress?: readonly string[];
    rules?: RuleSelection;
    purpose?: ExportPurpose;
    /** Code systems and value sets given to the run (`--terminology`, loadTerminology in src/api/validate.ts). */
    terminology?: HeldTerminology;
    /** Resources references may resolve to outside the document (`--context`, loadContext in ./context.ts). */
    context?: ContextResources;
  } = {},
): Validator {
  generatingSnapshots(defs);
  const { terminology: held, ...rest } = options;
  const ucum = new UcumUnits(prebuiltUcumUnits());
  return new Validator({ definitions: defs, terminology: (resolver) => new LocalTerminology(resolver, held, ucum), ucum, ...rest });
}
