/**
 * Terminology a run is given (`validate --terminology <folder>`): FHIR JSON CodeSystems and
 * ValueSets (one resource per file, or a Bundle of them) and simple code tables (CSV with the header
 * `system,code,display`, fields quoted as RFC 4180 says). A code table becomes one complete
 * CodeSystem per system it names, so the local terminology decides its codes like any other
 * complete code system: a code it does not list is not a code of that system.
 *
 * Parsing only: reading the files is the caller's (src/validator/terminology/folder.ts, through
 * the one safe reader). Anything malformed is a `TerminologyFileError` naming the file and why.
 */
import type { FhirResource, LoadedResource } from '../../defs/resource.js';

/** A terminology file that cannot be used: the file and the reason in words. */
export class TerminologyFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'TerminologyFileError';
  }
}

/** What the run holds besides the packages: code systems and value sets by url, and where each came from. */
export interface HeldTerminology {
  codeSystems: Map<string, LoadedResource>;
  valueSets: Map<string, LoadedResource>;
}

/** Provenance of what a --terminology folder gives. */
const FROM = { packageId: 'terminology', packageVersion: 'local' } as const;

export function emptyHeld(): HeldTerminology {
  return { codeSystems: new Map(), valueSets: new Map() };
}

/**
 * Parse CSV text (RFC 4180: fields separated by commas, records by CRLF or LF, a field in double
 * quotes may hold commas, line breaks and doubled quotes) in one pass. Each record comes with the
 * line it starts on. Throws a plain Error with the line for malformed input.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        // a quoted field: up to the quote that is not doubled
        const opened = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new Error(`line ${opened}: a quoted field is not closed`);
          const chunk = text.slice(from, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          value += chunk;
          if (text[q + 1] === '"') {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        field = value;
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r')
          throw new Error(`line ${line}: characters after the closing quote of a field`);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) break;
          if (c === 34 /* " */)
            throw new Error(`line ${line}: a double quote inside a field that is not quoted (quote the field and double the quote)`);
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // the record's end: CRLF, LF (or a lone CR), or the end of the text
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // a blank line (one empty field) is not a record
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
  }
  return out;
}

/** The header a code table starts with (display optional). */
const HEADER = ['system', 'code', 'display'];

/** Read a code table into `held` (rows of one system make one complete CodeSystem). */
export function addCodeTable(held: HeldTerminology, file: string, text: string): void {
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (e) {
    throw new TerminologyFileError(file, (e as Error).message);
  }
  const header = records.shift();
  const names = header?.fields.map((f) => f.trim().toLowerCase());
  if (!names || !(names.length === 3 || names.length === 2) || names.some((h, k) => h !== HEADER[k])) {
    throw new TerminologyFileError(
      file,
      `the first line must be the header 'system,code,display' (found '${(header?.fields ?? []).join(',').slice(0, 80)}')`,
    );
  }
  const width = names.length;
  const tables = new Map<string, { concept: { code: string; display?: string }[]; seen: Set<string> }>();
  for (const r of records) {
    if (r.fields.length !== width)
      throw new TerminologyFileError(
        file,
        `line ${r.line}: ${r.fields.length} fields, the header has ${width} (system,code${width === 3 ? ',display' : ''})`,
      );
    const system = r.fields[0]!.trim();
    const code = r.fields[1]!.trim();
    if (system === '') throw new TerminologyFileError(file, `line ${r.line}: no system`);
    if (code === '') throw new TerminologyFileError(file, `line ${r.line}: no code`);
    const display = width === 3 ? r.fields[2]! : '';
    let table = tables.get(system);
    if (!table) {
      const held0 = held.codeSystems.get(system);
      if (held0 && !(held0.from.file ?? '').toLowerCase().endsWith('.csv'))
        throw new TerminologyFileError(file, `line ${r.line}: ${system} is also defined by the CodeSystem in ${held0.from.file}`);
      table = { concept: (held0?.resource['concept'] as { code: string; display?: string }[] | undefined) ?? [], seen: new Set() };
      for (const c of table.concept) table.seen.add(c.code);
      tables.set(system, table);
      if (!held0) {
        const resource: FhirResource = {
          resourceType: 'CodeSystem',
          url: system,
          status: 'active',
          content: 'complete',
          concept: table.concept,
        };
        held.codeSystems.set(system, { resource, from: { ...FROM, file } });
      }
    }
    // the first row of a code wins (a table listing a code twice is not an error)
    if (table.seen.has(code)) continue;
    table.seen.add(code);
    table.concept.push(display !== '' ? { code, display } : { code });
  }
}

/** Read a FHIR JSON file (a CodeSystem, a ValueSet, or a Bundle of them) into `held`. */
export function addFhirJson(held: HeldTerminology, file: string, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new TerminologyFileError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const resources: unknown[] = [];
  if (isObject(value) && value['resourceType'] === 'Bundle') {
    const entries = Array.isArray(value['entry']) ? (value['entry'] as unknown[]) : [];
    entries.forEach((e, k) => {
      if (!isObject(e) || !isObject(e['resource'])) throw new TerminologyFileError(file, `Bundle.entry[${k}] has no resource`);
      resources.push(e['resource']);
    });
  } else resources.push(value);
  for (const r of resources) addResource(held, file, r);
}

function addResource(held: HeldTerminology, file: string, r: unknown): void {
  const type = isObject(r) ? r['resourceType'] : undefined;
  if (type !== 'CodeSystem' && type !== 'ValueSet')
    throw new TerminologyFileError(
      file,
      `a ${typeof type === 'string' ? type : 'JSON value without resourceType'}, not a CodeSystem, ValueSet or a Bundle of them`,
    );
  const resource = r as FhirResource;
  if (typeof resource.url !== 'string' || resource.url === '') throw new TerminologyFileError(file, `the ${type} has no url`);
  const map = type === 'CodeSystem' ? held.codeSystems : held.valueSets;
  const before = map.get(resource.url);
  if (before) throw new TerminologyFileError(file, `${type} ${resource.url} is also defined in ${before.from.file ?? '?'}`);
  if (type === 'CodeSystem') {
    const content = resource['content'];
    if (typeof content !== 'string')
      throw new TerminologyFileError(file, `CodeSystem ${resource.url} has no content (complete, fragment …)`);
    if (resource['concept'] !== undefined && !Array.isArray(resource['concept']))
      throw new TerminologyFileError(file, `CodeSystem ${resource.url}: concept is not a list`);
  }
  map.set(resource.url, { resource, from: { ...FROM, file } });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
