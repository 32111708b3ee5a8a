/** The FSH side of the benchmark: GoFSH turns a built package into a SUSHI project; SUSHI's output is read back. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { conformanceFiles, countKinds, projectDependencies, untypedExtensionSlices, type KindCounts, type Manifest } from './packages.js';
import { exitText, runNode, tail, type RunOptions } from './proc.js';

/** Errors and warnings as counted in the results box SUSHI and GoFSH print last. */
export interface Findings {
  errors: number;
  warnings: number;
}

/** Read "N Errors   M Warnings" from a SUSHI or GoFSH results box; undefined if it is not there. */
export function resultFindings(output: string): Findings | undefined {
  const all = [...output.matchAll(/(\d+) Errors?\s+(\d+) Warnings?/g)];
  const last = all[all.length - 1];
  if (!last) return undefined;
  return { errors: Number(last[1]), warnings: Number(last[2]) };
}

/**
 * The errors a tool logged (`error ...` at the start of a line), each with the FSH file and line it
 * names (`  File: ...`, `  Line: ...` below it), the same message counted once per file.
 */
export function errorLines(output: string): string[] {
  const lines = output.split('\n');
  const byMessage = new Map<string, { count: number; where: string[] }>();
  lines.forEach((l, i) => {
    if (!/^error\s/.test(l)) return;
    const message = l.replace(/^error\s+/, '').slice(0, 200);
    let where = '';
    for (let j = i + 1; j < Math.min(i + 4, lines.length) && /^\s/.test(lines[j]!); j++) {
      const file = /^\s+File:\s+(.*)$/.exec(lines[j]!);
      const line = /^\s+Line:\s+(.*)$/.exec(lines[j]!);
      if (file) where = basename(file[1]!.trim());
      else if (line && where) where += `:${line[1]!.trim().replace(/\s+/g, '')}`;
    }
    const entry = byMessage.get(message) ?? { count: 0, where: [] };
    entry.count += 1;
    if (where && !entry.where.includes(where)) entry.where.push(where);
    byMessage.set(message, entry);
  });
  return [...byMessage].map(([m, e]) => `${e.count > 1 ? `${e.count}× ` : ''}${m}${e.where.length ? ` (${e.where.join(', ')})` : ''}`);
}

export interface FshProject {
  manifest: Manifest;
  /** The SUSHI project folder (sushi-config.yaml, input/fsh/). */
  dir: string;
  fshFiles: number;
  /** Conformance resources GoFSH was given, by kind. */
  input: KindCounts;
  gofsh: Findings | undefined;
  gofshErrors: string[];
  /** Declared dependencies left out of the project because they are not in the private cache. */
  missingDeps: string[];
  /** Extension slices our differential gives no type (see untypedExtensionSlices). */
  untypedSlices: string[];
}

function countFsh(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countFsh(join(dir, e.name));
    else if (e.name.endsWith('.fsh')) n += 1;
  }
  return n;
}

/** A FHIR-name-like identifier from a package id: medcom.fhir.dk.core -> MedcomFhirDkCore. */
function nameFromId(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((s) => s[0]!.toUpperCase() + s.slice(1))
    .join('');
}

/** sushi-config.yaml text; strings are written as JSON strings, which YAML reads as double-quoted scalars. */
export function sushiConfig(m: Manifest, deps: readonly [string, string][]): string {
  const q = (s: string): string => JSON.stringify(s);
  const year = /^\d{4}/.exec(m.date)?.[0] ?? String(new Date().getFullYear());
  const lines = [
    '# Written by medcom-ig bench from the package.json of our built package; FSH by GoFSH.',
    `id: ${q(m.id)}`,
    `canonical: ${q(m.canonical)}`,
    `name: ${q(nameFromId(m.id))}`,
    `title: ${q(m.title)}`,
    'status: active',
    `version: ${q(m.version)}`,
    'fhirVersion: 4.0.1',
    'FSHOnly: false',
    'publisher:',
    `  name: ${q(m.author)}`,
    `copyrightYear: ${q(year)}`,
    'releaseLabel: release',
    'applyExtensionMetadataToRoot: false',
    'menu:',
    '  Home: index.html',
    'dependencies:',
    ...deps.map(([id, v]) => `  ${id}: ${q(v)}`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Copy the package's profiles, extensions, ValueSets and CodeSystems to `<work>/in/<id>`, run GoFSH on
 * them into `<work>/fsh/<id>` and write that project's sushi-config.yaml (replacing GoFSH's).
 */
export function gofshProject(gofshBin: string, m: Manifest, cache: string, work: string, opts: RunOptions): FshProject {
  const inDir = join(work, 'in', `${m.id}#${m.version}`);
  const dir = join(work, 'fsh', `${m.id}#${m.version}`);
  mkdirSync(inDir, { recursive: true });
  const files = conformanceFiles(m.dir);
  for (const f of files) copyFileSync(f.file, join(inDir, f.file.slice(m.dir.length + 1)));
  const { deps, missing } = projectDependencies(m, cache);
  const args = [inDir, '-o', dir, '-u', '4.0.1', ...deps.flatMap(([id, v]) => ['-d', `${id}@${v}`])];
  const t = runNode(gofshBin, args, opts);
  const out = t.stdout + '\n' + t.stderr;
  if (!existsSync(join(dir, 'input', 'fsh'))) {
    throw new Error(`GoFSH wrote no FSH for ${m.id} (${exitText(t)}):\n${tail(t)}`);
  }
  writeFileSync(join(dir, 'sushi-config.yaml'), sushiConfig(m, deps));
  return {
    manifest: m,
    dir,
    fshFiles: countFsh(join(dir, 'input', 'fsh')),
    input: countKinds(files),
    gofsh: resultFindings(out),
    gofshErrors: errorLines(out),
    missingDeps: missing,
    untypedSlices: untypedExtensionSlices(files),
  };
}

/** What one SUSHI run produced: findings from its results box and the resources it wrote, by kind. */
export interface SushiOutcome {
  findings: Findings | undefined;
  errors: string[];
  exit: string;
  produced: KindCounts;
}

export function sushiOutcome(projectDir: string, stdout: string, stderr: string, exit: string): SushiOutcome {
  const out = stdout + '\n' + stderr;
  return {
    findings: resultFindings(out),
    errors: errorLines(out),
    exit,
    produced: countKinds(conformanceFiles(join(projectDir, 'fsh-generated', 'resources'))),
  };
}
