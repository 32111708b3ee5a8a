/**
 * The one way the toolkit reads an input file and writes an output file (docs/security.md).
 *
 * Reading: regular files only (decided on the opened descriptor, so a FIFO, a device such as
 * `/dev/zero` or a socket is refused without blocking), at most the size cap plus one byte read,
 * and — when a root is named — symbolic links resolved and refused when the file they lead to lies
 * outside that root. Every refusal is a `SafeFileError` naming the file and the reason in words.
 *
 * Writing: to a temporary file in the same folder, then renamed over the target, so a reader (or a
 * run killed mid-write) sees the old complete file or the new complete file, never a part. A folder
 * is staged beside its target and renamed complete, with a completion marker inside it.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Eight random hex digits for a temporary name, from Web Crypto: Node loads its crypto modules on first use,
 * so a run that writes nothing (a cold validation) does not pay for them as it would for an import of node:crypto.
 */
function randomTag(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(4));
  return Buffer.from(bytes).toString('hex');
}

/** The default cap for one input file: 256 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Why a file could not be read or written, as a short machine code. */
export type SafeFileProblem =
  | 'missing'
  | 'dangling-link'
  | 'link-loop'
  | 'outside-root'
  | 'not-regular'
  | 'too-large'
  | 'permission'
  | 'is-folder'
  | 'disk-full'
  | 'read-only'
  | 'io';

/** A file that could not be read or written safely: the file as the user named it and the reason in words. */
export class SafeFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problem: SafeFileProblem,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SafeFileError';
  }
}

export interface SafeReadOptions {
  /**
   * The folder the user named: the file (after following every symbolic link) must lie inside it.
   * Unset: the file may be anywhere (a file the user named directly).
   */
  root?: string;
  /** Largest file accepted, in bytes (default 256 MiB). */
  maxBytes?: number;
  /** Follow symbolic links that lead outside `root` (validate --follow-symlinks). */
  followSymlinks?: boolean;
}

function mb(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round((bytes / 1048576) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** What kind of special file a stat describes, in words. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A Node file-system error as a SafeFileError for `file` (unknown errors are kept as 'io' with their code). */
export function describeFsError(file: string, e: unknown, doing: 'read' | 'write' = 'read'): SafeFileError {
  if (e instanceof SafeFileError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new SafeFileError(file, doing === 'read' ? 'no such file' : 'the folder does not exist', 'missing');
    case 'ELOOP':
      return new SafeFileError(file, 'a loop of symbolic links', 'link-loop');
    case 'EACCES':
    case 'EPERM':
      return new SafeFileError(
        file,
        doing === 'read' ? 'permission denied (the file cannot be read)' : 'permission denied (cannot write here)',
        'permission',
      );
    case 'EISDIR':
      return new SafeFileError(file, 'a folder, not a file', 'is-folder');
    case 'ENOSPC':
    case 'EDQUOT':
      return new SafeFileError(file, 'the disk is full', 'disk-full');
    case 'EROFS':
      return new SafeFileError(file, 'the file system is read-only', 'read-only');
    case 'ENOTDIR':
      return new SafeFileError(file, 'a part of the path is a file, not a folder', 'io');
    default:
      return new SafeFileError(
        file,
        `${doing === 'read' ? 'cannot be read' : 'cannot be written'} (${code ?? (e as Error).message})`,
        'io',
      );
  }
}

/** Is `path` (an absolute real path) `root` itself or inside it? */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The real path of `file` with the checks a safe read makes before opening: it exists, it is not a
 * dangling link or a link loop, and (with a root) it lies inside the root's real path.
 */
export function resolveInside(file: string, options: Pick<SafeReadOptions, 'root' | 'followSymlinks'> = {}): string {
  let real: string;
  try {
    // the system's realpath(3): one call, where the JavaScript one stats every component of the path
    real = realpathSync.native(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // the name exists but leads nowhere: a dangling symbolic link
      let link = false;
      try {
        link = lstatSync(file).isSymbolicLink();
      } catch {
        /* not there at all */
      }
      if (link) throw new SafeFileError(file, 'a symbolic link to a file that does not exist', 'dangling-link');
    }
    throw describeFsError(file, e);
  }
  if (options.root !== undefined && options.followSymlinks !== true) {
    let root: string;
    try {
      root = realpathSync.native(options.root);
    } catch (e) {
      throw describeFsError(options.root, e);
    }
    if (!isInside(root, real)) {
      throw new SafeFileError(file, `leads outside the folder ${options.root} (to ${real}); only files inside it are read`, 'outside-root');
    }
  }
  return real;
}

/**
 * Open `file` for reading with the checks every safe read makes: its real path inside the root (unless
 * links may be followed), opened without blocking (O_NONBLOCK: a FIFO does not wait for a writer) and
 * without following a last-moment link, and a regular file by `fstat` of the opened descriptor. The
 * caller closes `fd`. Throws SafeFileError naming `file`.
 */
function openRegular(file: string, options: Pick<SafeReadOptions, 'root' | 'followSymlinks'>): { fd: number; st: Stats } {
  const real = resolveInside(file, options);
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    throw describeFsError(file, e);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw describeFsError(file, e);
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw new SafeFileError(
      file,
      `${fileKind(st)}, not a regular file; only regular files are read`,
      st.isDirectory() ? 'is-folder' : 'not-regular',
    );
  }
  return { fd, st };
}

/**
 * Read a regular file safely (see the module comment). Throws SafeFileError naming `file`.
 * The open never blocks (O_NONBLOCK) and the kind of file is decided on the opened descriptor.
 */
export function readFileSafe(file: string, options: SafeReadOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const { fd, st } = openRegular(file, options);
  try {
    if (st.size > maxBytes) throw new SafeFileError(file, `the file is ${mb(st.size)}, more than the ${mb(maxBytes)} limit`, 'too-large');
    // read at most maxBytes + 1: a file that grows while read is still caught
    const chunks: Buffer[] = [];
    let total = 0;
    // the size it has plus one byte (a file that grew is read on), at least 8 KiB (files that report no size)
    const chunkSize = Math.min(Math.max(st.size + 1, 8 * 1024), maxBytes + 1);
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw describeFsError(file, e);
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new SafeFileError(file, `the file is more than the ${mb(maxBytes)} limit`, 'too-large');
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `bytes` of a file, with the checks of readFileSafe (a regular file, decided on the
 * opened descriptor without blocking; inside `root` unless links may be followed). For indexing a
 * large file by its start (package folders). Throws SafeFileError naming `file`.
 */
export function readHeadSafe(file: string, bytes: number, options: Pick<SafeReadOptions, 'root' | 'followSymlinks'> = {}): Buffer {
  const { fd, st } = openRegular(file, options);
  try {
    const buf = Buffer.alloc(Math.max(0, Math.min(bytes, st.size)));
    let n = 0;
    while (n < buf.length) {
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, n);
      } catch (e) {
        throw describeFsError(file, e);
      }
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** readFileSafe as UTF-8 text (a byte order mark is kept; callers decide). */
export function readTextSafe(file: string, options: SafeReadOptions = {}): string {
  return readFileSafe(file, options).toString('utf8');
}

/**
 * Read a stream (stdin) up to `maxBytes`; more is a SafeFileError for `name` ('-' for stdin), and
 * the stream is not read further.
 */
export async function readStreamCapped(
  stream: NodeJS.ReadableStream & { destroy?: () => void },
  name: string,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > maxBytes) {
      stream.destroy?.();
      throw new SafeFileError(name === '-' ? 'standard input' : name, `more than the ${mb(maxBytes)} limit`, 'too-large');
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/** Was `e` the refusal of the link `p` because it leads out of the root, to a folder? */
function outsideFolder(p: string, e: unknown): boolean {
  if (!(e instanceof SafeFileError) || e.problem !== 'outside-root') return false;
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An entry found in a folder walk: a file to read, or one that cannot be read and why. */
export type WalkEntry = { file: string; size: number; problem?: undefined } | { file: string; size: 0; problem: SafeFileError };

/**
 * The files below `root` whose names match `accept`, sorted, without following links out of the
 * root (unless `followSymlinks`): a link that leads outside, dangles or loops, a special file or an
 * unreadable folder is an entry with its problem, so the caller reports it per file and goes on.
 * Hidden folders and node_modules are skipped; a folder reached twice through links is walked once.
 */
export function walkFiles(root: string, accept: (name: string) => boolean, options: { followSymlinks?: boolean } = {}): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      out.push({ file: dir, size: 0, problem: describeFsError(dir, e) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      out.push({ file: dir, size: 0, problem: describeFsError(dir, e) });
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      let lst: Stats;
      try {
        lst = lstatSync(p);
      } catch (e) {
        out.push({ file: p, size: 0, problem: describeFsError(p, e) });
        continue;
      }
      let st = lst;
      if (lst.isSymbolicLink()) {
        try {
          resolveInside(p, { root, ...(options.followSymlinks !== undefined ? { followSymlinks: options.followSymlinks } : {}) });
          st = statSync(p);
        } catch (e) {
          // a link that leads nowhere or outside is reported when its name is one we read, or when it
          // leads out of the root to a folder that would have been walked: its files are not read,
          // and the run must say so rather than pass without them
          if (accept(name) || (outsideFolder(p, e) && !name.startsWith('.') && name !== 'node_modules')) {
            out.push({ file: p, size: 0, problem: describeFsError(p, e) });
          }
          continue;
        }
      }
      if (st.isDirectory()) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(p);
        continue;
      }
      if (!accept(name)) continue;
      if (!st.isFile())
        out.push({
          file: p,
          size: 0,
          problem: new SafeFileError(p, `${fileKind(st)}, not a regular file; only regular files are read`, 'not-regular'),
        });
      else out.push({ file: p, size: st.size });
    }
  };
  walk(root);
  return out;
}

/**
 * Create the folder `dir` and its missing parents, one level at a time (Node's recursive mkdir spins
 * forever on a path under /proc). A failure is a SafeFileError naming the folder that could not be
 * made and why: read-only, permission, a file in the way, or a place where no folder can be made.
 */
export function makeFolder(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let p = target;
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw describeFsError(p, e, 'write');
    }
    if (st) {
      if (!st.isDirectory()) throw new SafeFileError(p, `${st.isFile() ? 'a file' : fileKind(st)}, not a folder, is in the way`, 'io');
      break;
    }
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // the parent exists (made or found above): ENOENT here means this file system makes no folders (/proc)
      if (code === 'ENOENT') throw new SafeFileError(d, 'a folder cannot be made here (the file system does not allow it)', 'read-only');
      throw describeFsError(d, e, 'write');
    }
  }
}

/**
 * May writeFolderAtomic replace `dir` with a new output? Yes when it is absent, empty, a complete
 * output of ours (the completion marker) or holds only files `own` accepts (an output of an older
 * version); otherwise the reason in words — a folder holding other files is never replaced, so no
 * foreign file is deleted.
 */
export function folderReplaceProblem(dir: string, own: (name: string) => boolean = () => false): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return describeFsError(dir, e, 'write').reason;
  }
  if (st.isSymbolicLink()) return 'a symbolic link; name the output folder itself';
  if (!st.isDirectory()) return `${fileKind(st)}, not a folder`;
  if (isCompleteFolder(dir)) return undefined;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    return describeFsError(dir, e, 'write').reason;
  }
  const foreign = names.filter((n) => !own(n)).sort();
  if (foreign.length === 0) return undefined;
  return `the folder holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}) and is not an output of medcom-ig; name a new or empty folder`;
}

/** Remove staging and moved-aside folders of `target` left by processes that no longer run (killed mid-write). */
function removeStale(target: string): void {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const m = /^\.(?:staging|old)\.(\d+)\.[0-9a-f]{8}$/.exec(n.slice(prefix.length - 1));
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (!alive) rmSync(join(parent, n), { recursive: true, force: true });
  }
}

function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomTag()}.tmp`);
}

/** Write all of `buf` to the open descriptor `fd`. */
function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Where writeFileAtomic puts `file`'s content: `special` when `file` is (or links to) a device, a
 * FIFO or a socket, or lies in /dev or /proc (`--out /dev/null`, `/dev/stdout`: written in place —
 * renaming a file over it would replace the device node itself, or a file the shell appends to);
 * otherwise the file a symbolic link leads to (the link is kept, its target replaced), or `file`.
 */
function writeTarget(file: string): { path: string; special: boolean; append?: boolean } {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return { path: file, special: false };
  } // absent (or a dangling link): replaced
  if (!st.isFile() && !st.isDirectory()) return { path: file, special: true };
  // /dev/stdout or /proc/self/fd/1 redirected to a file (`> out`, `>> log`): appended to, not replaced
  if (st.isFile() && /^\/(dev|proc)\//.test(resolve(file))) return { path: file, special: true, append: true };
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    /* gone meanwhile */
  }
  if (!link) return { path: file, special: false };
  try {
    return { path: realpathSync(file), special: false };
  } catch {
    return { path: file, special: false };
  }
}

/**
 * Write `data` to `file` atomically: a temporary file in the same folder (created exclusively,
 * flushed), then renamed over `file`. The folder is created when missing. On any error the
 * temporary file is removed and a SafeFileError names `file` and the reason (disk full, read-only…).
 * A symbolic link is followed (its target is replaced, the link kept); a device, FIFO or socket
 * (`/dev/null`, `/dev/stdout`) is written in place, never replaced by a regular file.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const target = writeTarget(file);
  if (target.special) {
    let fd: number | undefined;
    try {
      fd = openSync(target.path, constants.O_WRONLY | (target.append ? constants.O_APPEND : 0));
      writeAll(fd, buf);
    } catch (e) {
      throw describeFsError(file, e, 'write');
    } finally {
      if (fd !== undefined)
        try {
          closeSync(fd);
        } catch {
          /* nothing more to do */
        }
    }
    return;
  }
  file = target.path;
  makeFolder(dirname(resolve(file)));
  const tmp = tempName(resolve(file));
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    writeAll(fd, buf);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw describeFsError(file, e, 'write');
  }
}

/** The file a complete staged folder holds (writeFolderAtomic); readers of a folder output check for it. */
export const COMPLETE_MARKER = '.medcom-ig-complete';

/** Does `dir` hold the completion marker of a folder written by writeFolderAtomic? */
export function isCompleteFolder(dir: string): boolean {
  try {
    return lstatSync(join(dir, COMPLETE_MARKER)).isFile();
  } catch {
    return false;
  }
}

/** The staging and moved-aside names for a folder written atomically (beside it, hidden, never with the marker until complete). */
function stageFolder(dir: string): { target: string; staging: string; old: string } {
  const target = resolve(dir);
  const parent = dirname(target);
  makeFolder(parent);
  removeStale(target);
  const tag = `${process.pid}.${randomTag()}`;
  const staging = join(parent, `.${basename(target)}.staging.${tag}`);
  const old = join(parent, `.${basename(target)}.old.${tag}`);
  try {
    mkdirSync(staging);
  } catch (e) {
    throw describeFsError(dir, e, 'write');
  }
  return { target, staging, old };
}

/** Add the marker to a filled staging folder and swap it in for the target (the old one moved aside, then removed). */
function commitFolder({ target, staging, old }: { target: string; staging: string; old: string }): void {
  // fixed content: the same output gives the same bytes (deterministic builds and sites)
  writeFileAtomic(join(staging, COMPLETE_MARKER), 'written completely by medcom-ig\n');
  let hadOld = false;
  try {
    renameSync(target, old);
    hadOld = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    renameSync(staging, target);
  } catch (e) {
    if (hadOld) renameSync(old, target);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/**
 * Make the folder `dir` atomically: `fill` writes into a fresh staging folder beside it; when it
 * returns, a completion marker is added and the staging folder replaces `dir` (an old `dir` is moved
 * aside first and removed after). A failure or a kill leaves the old `dir` (or none) and no staging
 * folder is taken for output: it never has the marker (and a later write removes what a killed one left).
 * Returns what `fill` returned.
 */
export async function writeFolderAtomic<T>(dir: string, fill: (staging: string) => T | Promise<T>): Promise<T> {
  const stage = stageFolder(dir);
  try {
    const result = await fill(stage.staging);
    commitFolder(stage);
    return result;
  } catch (e) {
    rmSync(stage.staging, { recursive: true, force: true });
    throw e instanceof SafeFileError ? e : describeFsError(dir, e, 'write');
  }
}

/** writeFolderAtomic for a synchronous `fill`. */
export function writeFolderAtomicSync<T>(dir: string, fill: (staging: string) => T): T {
  const stage = stageFolder(dir);
  try {
    const result = fill(stage.staging);
    commitFolder(stage);
    return result;
  } catch (e) {
    rmSync(stage.staging, { recursive: true, force: true });
    throw e instanceof SafeFileError ? e : describeFsError(dir, e, 'write');
  }
}
