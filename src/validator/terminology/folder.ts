/**
 * `--terminology <folder>`: the code systems and value sets a vendor or MedCom has, read from a folder
 * (or one file) through the one safe reader (src/util/fs-safe.ts: regular files only, the size cap,
 * never outside the folder named). `*.json` files are FHIR CodeSystems, ValueSets or Bundles of them;
 * `*.csv` files are code tables (`system,code,display`). held.ts parses them.
 */
import { statSync } from 'node:fs';
import { DEFAULT_MAX_INPUT_BYTES, readTextSafe, SafeFileError, walkFiles } from '../../util/fs-safe.js';
import { addCodeTable, addFhirJson, emptyHeld, TerminologyFileError, type HeldTerminology } from './held.js';

const ACCEPT = (name: string): boolean => /\.(json|csv)$/i.test(name);

/**
 * Load every *.json and *.csv file below `path` (or the file `path`). Throws TerminologyFileError
 * naming the file and the reason for anything that cannot be read or used.
 */
export function loadTerminologyFolder(path: string, options: { maxBytes?: number } = {}): HeldTerminology {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new TerminologyFileError(path, 'no such file or folder');
  }
  const files = isFolder ? walkFiles(path, ACCEPT) : [{ file: path, size: 0 }];
  if (files.length === 0) throw new TerminologyFileError(path, 'no *.json or *.csv files in the folder');
  const held = emptyHeld();
  for (const entry of files) {
    if (entry.problem) throw new TerminologyFileError(entry.file, entry.problem.reason);
    let text: string;
    try {
      text = readTextSafe(entry.file, { ...(isFolder ? { root: path } : {}), maxBytes: options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES });
    } catch (e) {
      if (e instanceof SafeFileError) throw new TerminologyFileError(e.file, e.reason);
      throw e;
    }
    if (/\.csv$/i.test(entry.file)) addCodeTable(held, entry.file, text);
    else if (/\.json$/i.test(entry.file)) addFhirJson(held, entry.file, text);
    else throw new TerminologyFileError(entry.file, 'neither *.json (FHIR CodeSystem or ValueSet) nor *.csv (system,code,display)');
  }
  return held;
}
