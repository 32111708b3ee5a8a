/**
 * Evidence files → test steps. MedCom's naming rule: `<Standard>_<step>_<letter>.<ext>`
 * (`HomeCareObservation_3.3.1.11_A.xml`); a number that is a section rather than a step
 * (`HomeCareObservation_3.4_A.xml`, MedCom's own example) files the evidence under the section.
 * An explicit mapping file (`mapping.json`: step number or id → files) adds to, or stands in for,
 * the names. Whatever matches nothing is listed, never dropped.
 *
 * Confinement (docs/protocols/README.md, docs/security.md): only regular files inside the evidence
 * folder are read. A mapping path that leads outside it (`../…`, an absolute path), a symbolic link
 * that leads outside it, dangles or loops, and a special file (FIFO, device) are refused: listed as
 * unmatched with `refused` and the reason, never read, so never in the report or the archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../util/errors.js';
import { isInside, readFileSafe, SafeFileError, walkFiles, type SafeFileProblem } from '../util/fs-safe.js';
import { readJsonFile } from '../util/json-file.js';
import { allSteps, type ProtocolDefinition } from './model.js';

export type EvidenceKind = 'message' | 'screenshot' | 'document' | 'log' | 'other';

export interface EvidenceFile {
  /** Path relative to the evidence folder, with `/`. */
  file: string;
  path: string;
  kind: EvidenceKind;
  size: number;
  sha256: string;
  /** Step numbers (or section numbers) it is filed under. */
  targets: { number: string; letter?: string; by: 'naming' | 'mapping' }[];
}

export interface EvidenceIndex {
  dir: string;
  files: EvidenceFile[];
  /**
   * Files named by neither the rule nor the mapping, and why; `refused` when the file was not read at
   * all (outside the folder, a special file …).
   */
  unmatched: UnmatchedEvidence[];
  /** The mapping file used, relative to the evidence folder or absolute. */
  mappingFile?: string;
}

/** The mapping file `protocol init` writes and `protocol run` reads. */
export interface EvidenceMapping {
  protocol: string;
  protocolVersion?: string;
  /** Step number (`3.3.1.11`) or step id → evidence files, relative to the evidence folder. */
  steps: Record<string, string[]>;
}

/** An evidence file that is not filed under any step: `refused` (with the problem) when it was not read at all. */
export interface UnmatchedEvidence {
  file: string;
  reason: string;
  refused?: SafeFileProblem;
}

/** The largest mapping or vendor file read (they are small JSON files the user names). */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export const MAPPING_FILE = 'mapping.json';
/** Files `protocol init` writes at the top of the evidence folder: never evidence themselves. */
export const SKELETON_FILES = [MAPPING_FILE, 'vendor.json', 'README.md'];

const KINDS: Record<string, EvidenceKind> = {
  xml: 'message',
  json: 'message',
  png: 'screenshot',
  jpg: 'screenshot',
  jpeg: 'screenshot',
  gif: 'screenshot',
  bmp: 'screenshot',
  webp: 'screenshot',
  pdf: 'document',
  docx: 'document',
  doc: 'document',
  txt: 'log',
  log: 'log',
  md: 'log',
  csv: 'log',
};

export function evidenceKind(file: string): EvidenceKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  return KINDS[ext] ?? 'other';
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The naming rule as a regex for the protocol's standard: groups step number, letter, extension. */
export function namingRule(protocol: ProtocolDefinition): RegExp {
  return new RegExp(`^${escapeRegex(protocol.standard.name)}\\s?_\\s?([0-9]+(?:\\.[0-9]+)*)_([A-Za-z]{1,2})\\.([A-Za-z0-9]+)$`);
}

/** The evidence file name for a step and letter by the naming rule. */
export function evidenceName(protocol: ProtocolDefinition, number: string, letter: string, ext: string): string {
  return `${protocol.standard.name}_${number}_${letter}.${ext}`;
}

/**
 * Read a mapping file; a missing or malformed one is a usage error naming it. Read safely (a regular
 * file, at most MAX_CONFIG_BYTES); `root`: the folder it must lie in (the evidence folder's own mapping.json).
 */
export function readMapping(file: string, protocol: ProtocolDefinition, root?: string): EvidenceMapping {
  const data = readJsonFile(file, 'mapping file', { maxBytes: MAX_CONFIG_BYTES, ...(root !== undefined ? { root } : {}) });
  const m = data as Partial<EvidenceMapping>;
  if (!m || typeof m !== 'object' || typeof m.steps !== 'object' || m.steps === null || Array.isArray(m.steps)) {
    throw new UsageError(`${file}: expected {"protocol": "${protocol.id}", "steps": {"<step number or id>": ["<file>", …]}}`);
  }
  if (m.protocol !== undefined && m.protocol !== protocol.id)
    throw new UsageError(`${file}: the mapping is for protocol '${String(m.protocol)}', not '${protocol.id}'`);
  for (const [k, v] of Object.entries(m.steps)) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw new UsageError(`${file}: steps["${k}"] must be a list of file names`);
  }
  return { protocol: protocol.id, ...(m.protocolVersion ? { protocolVersion: m.protocolVersion } : {}), steps: m.steps };
}

/**
 * Index the evidence folder for a protocol. Throws UsageError for a missing folder or a mapping
 * that names a file or step that does not exist; a file that is not read (outside the folder, a
 * special file, unreadable) is listed as unmatched with `refused` and the run goes on.
 */
export function indexEvidence(protocol: ProtocolDefinition, dir: string, mappingFile?: string): EvidenceIndex {
  if (!existsSync(dir)) throw new UsageError(`${dir}: no such evidence folder`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: the evidence must be a folder`);
  const root = resolve(dir);
  const stepNumbers = new Map<string, string>();
  for (const { step } of allSteps(protocol)) {
    stepNumbers.set(step.number, step.number);
    stepNumbers.set(step.id, step.number);
  }
  const sectionNumbers = new Set(protocol.sections.map((s) => s.number));
  const rule = namingRule(protocol);
  const relOf = (path: string): string => relative(root, path).split(sep).join('/');

  const defaultMapping = join(root, MAPPING_FILE);
  const mappingPath = mappingFile ? resolve(mappingFile) : existsSync(defaultMapping) ? defaultMapping : undefined;
  // --mapping is a file the user named (anywhere); the folder's own mapping.json must lie inside the folder
  const mapping = mappingPath ? readMapping(mappingPath, protocol, mappingFile ? undefined : root) : undefined;
  const skeleton = new Set(SKELETON_FILES.map((f) => join(root, f)));
  const refused = new Map<string, UnmatchedEvidence>();
  const refuse = (file: string, e: SafeFileError): void => {
    if (!refused.has(file)) refused.set(file, { file, reason: `refused, not read: ${e.reason}`, refused: e.problem });
  };
  const paths: string[] = [];
  for (const w of walkFiles(root, (name) => !name.startsWith('.'))) {
    if (w.file === mappingPath || skeleton.has(w.file)) continue;
    if (w.problem) refuse(relOf(w.file), w.problem);
    else paths.push(w.file);
  }

  const byRel = new Map<string, EvidenceFile>();
  const unmatched: UnmatchedEvidence[] = [];
  /** The evidence file at `path` (read once, confined to the folder), or undefined when it is refused. */
  const entry = (path: string, named?: string): EvidenceFile | undefined => {
    const rel = relOf(path);
    let e = byRel.get(rel);
    if (e) return e;
    if (refused.has(named ?? rel)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSafe(path, { root });
    } catch (err) {
      if (!(err instanceof SafeFileError)) throw err;
      refuse(named ?? rel, err);
      return undefined;
    }
    e = {
      file: rel,
      path,
      kind: evidenceKind(path),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      targets: [],
    };
    byRel.set(rel, e);
    return e;
  };

  const mapped = new Set<string>();
  if (mapping) {
    for (const [key, files] of Object.entries(mapping.steps)) {
      const number = stepNumbers.get(key) ?? (sectionNumbers.has(key) ? key : undefined);
      if (!number)
        throw new UsageError(`${mappingPath}: '${key}' is neither a step nor a section of ${protocol.id} ${protocol.protocolVersion}`);
      for (const f of files) {
        const p = resolve(root, f);
        // a path that leaves the folder by its name (../, an absolute path) is refused without looking at it
        if (!isInside(root, p) || p === root) {
          refuse(
            f,
            new SafeFileError(
              f,
              `steps["${key}"] of the mapping names a file outside the evidence folder ${dir}; only files inside it are read`,
              'outside-root',
            ),
          );
          continue;
        }
        const e = entry(p, f);
        if (!e) {
          const r = refused.get(f);
          if (r?.refused === 'missing' || r?.refused === 'is-folder')
            throw new UsageError(`${mappingPath}: steps["${key}"] names ${f}, which is not a file in ${dir}`);
          continue;
        }
        e.targets.push({ number, by: 'mapping' });
        mapped.add(p);
      }
    }
  }
  for (const p of paths) {
    const m = rule.exec(basename(p));
    if (m) {
      const number = m[1]!;
      if (stepNumbers.has(number) || sectionNumbers.has(number)) {
        entry(p)?.targets.push({ number, letter: m[2]!.toUpperCase(), by: 'naming' });
        continue;
      }
      if (!mapped.has(p))
        unmatched.push({
          file: relOf(p),
          reason: `named for ${number}, which is neither a step nor a section of ${protocol.id} ${protocol.protocolVersion}`,
        });
      continue;
    }
    if (!mapped.has(p)) {
      unmatched.push({
        file: relOf(p),
        reason: `not named ${protocol.evidenceNaming.pattern.replace('{standard}', protocol.standard.name)} and not in the mapping file`,
      });
    }
  }
  const files = [...byRel.values()].sort((a, b) => a.file.localeCompare(b.file));
  return { dir, files, unmatched: [...refused.values(), ...unmatched], ...(mappingPath ? { mappingFile: mappingPath } : {}) };
}

/** Evidence filed under a step number or a section number. */
export function filedUnder(index: EvidenceIndex, number: string): EvidenceFile[] {
  return index.files.filter((f) => f.targets.some((t) => t.number === number));
}

function letters(n: number): string {
  let s = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) s = String.fromCharCode(65 + (k % 26)) + s;
  return s;
}

/**
 * The name each evidence file gets in the self-test archive, by MedCom's rule: a file already
 * named by it keeps its name; a file filed by the mapping gets `<Standard>_<step>_<letter>.<ext>`
 * under its first step, with the next letter free for that step. Unmatched files get none.
 */
export function medcomNames(protocol: ProtocolDefinition, index: EvidenceIndex): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const next = new Map<string, number>();
  const ext = (f: string): string => (/\.([A-Za-z0-9]+)$/.exec(f)?.[1] ?? 'bin').toLowerCase();
  const claim = (number: string, extension: string): string => {
    for (let k = next.get(number) ?? 0; ; k++) {
      const name = evidenceName(protocol, number, letters(k), extension);
      if (!used.has(name.toLowerCase())) {
        next.set(number, k + 1);
        used.add(name.toLowerCase());
        return name;
      }
    }
  };
  for (const f of index.files) {
    const named = f.targets.find((t) => t.by === 'naming');
    const name = basename(f.file);
    if (named && !used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      out.set(f.file, name);
    }
  }
  for (const f of index.files) {
    if (out.has(f.file)) continue;
    const target = f.targets[0];
    if (target) out.set(f.file, claim(target.number, ext(f.file)));
  }
  return out;
}
