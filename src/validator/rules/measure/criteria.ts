/**
 * A Measure's stratifier criteria in CQL, as the HL7 validator checks them: a criterion in `text/cql` or
 * `text/cql.identifier` needs a library of the Measure (`Measure.library`) to be found, and names an
 * expression that library defines (`Library.expression`, or `Expression` alone when the Measure has one
 * library). What the library defines is read from its ELM (XML or JSON) or, failing that, its CQL text.
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';
import type { MeasureDeps } from './report.js';

const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const CQL_LANGUAGES: ReadonlySet<string> = new Set(['text/cql', 'text/cql.identifier', 'text/cql-identifier']);

/** The text of a Library's content of one of `types` (inline base64 data), or undefined. */
function contentText(library: Json, types: readonly string[]): string | undefined {
  for (const c of objects(library['content'])) {
    const type = str(c['contentType'])?.split(';')[0]?.trim();
    const data = str(c['data']);
    if (type && types.includes(type) && data !== undefined) return Buffer.from(data, 'base64').toString('utf8');
  }
  return undefined;
}

const unquote = (s: string): string => s.replace(/^"(.*)"$/s, '$1').replace(/^`(.*)`$/s, '$1');
const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');

/**
 * The names a Library defines (its statements: expressions and functions), or undefined when it carries
 * neither ELM nor CQL to read them from.
 */
export function libraryDefinitions(library: Json): Set<string> | undefined {
  const elmXml = contentText(library, ['application/elm+xml']);
  if (elmXml !== undefined) {
    const statements = /<(?:\w+:)?statements\b[^>]*>([\s\S]*?)<\/(?:\w+:)?statements>/.exec(elmXml)?.[1] ?? '';
    const names = new Set<string>();
    for (const m of statements.matchAll(/<(?:\w+:)?def\b[^>]*?\sname\s*=\s*"([^"]*)"/g)) names.add(decodeXml(m[1]!));
    return names;
  }
  const elmJson = contentText(library, ['application/elm+json']);
  if (elmJson !== undefined) {
    try {
      const elm = JSON.parse(elmJson) as unknown;
      const lib = isObject(elm) && isObject(elm['library']) ? elm['library'] : undefined;
      const statements = lib && isObject(lib['statements']) ? objects(lib['statements']['def']) : [];
      return new Set(statements.map((d) => str(d['name'])).filter((n): n is string => n !== undefined));
    } catch {
      return undefined;
    }
  }
  const cql = contentText(library, ['text/cql']);
  if (cql === undefined) return undefined;
  const names = new Set<string>();
  // define [public|private] [fluent] [function] <identifier or "quoted identifier">
  for (const m of cql.matchAll(
    /^\s*define\s+(?:(?:public|private)\s+)?(?:fluent\s+)?(?:function\s+)?("(?:[^"\\]|\\.)*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)/gm,
  )) {
    names.add(unquote(m[1]!));
  }
  return names;
}

export function checkMeasureCriteria(measure: Json, where: Where, sink: IssueSink, deps: MeasureDeps): void {
  const libraries: Json[] = [];
  for (const c of Array.isArray(measure['library']) ? (measure['library'] as unknown[]) : []) {
    if (typeof c !== 'string') continue;
    const lib = deps.canonical(c, 'Library');
    if (lib) libraries.push(lib);
  }
  const groups = Array.isArray(measure['group']) ? (measure['group'] as unknown[]) : [];
  groups.forEach((g, gi) => {
    if (!isObject(g)) return;
    const gw = child(where, 'group', gi);
    const strats = Array.isArray(g['stratifier']) ? (g['stratifier'] as unknown[]) : [];
    strats.forEach((s, si) => {
      if (!isObject(s) || !isObject(s['criteria'])) return;
      const crit = s['criteria'];
      const language = str(crit['language']);
      const expression = str(crit['expression']);
      if (!language || !CQL_LANGUAGES.has(language) || expression === undefined) return;
      const cw = child(child(gw, 'stratifier', si), 'criteria');
      checkCqlReference(expression, libraries, cw, sink);
    });
  });
}

function checkCqlReference(expression: string, libraries: Json[], cw: Where, sink: IssueSink): void {
  if (libraries.length === 0) {
    sink.report('measure/cql-criteria', cw, { expression, reason: 'no library of the Measure could be found' });
    return;
  }
  let name = expression;
  let library: Json | undefined;
  const dot = expression.indexOf('.');
  if (dot > 0) {
    const alias = unquote(expression.slice(0, dot));
    name = expression.slice(dot + 1);
    library = libraries.find((l) => l['name'] === alias);
    if (!library) {
      sink.report('measure/cql-criteria', cw, { expression, reason: `no library of the Measure is named '${alias}'` });
      return;
    }
  } else if (libraries.length === 1) {
    library = libraries[0]!;
  } else {
    sink.report('measure/cql-criteria', cw, { expression, reason: 'the Measure has several libraries: qualify the name with the library' });
    return;
  }
  const defined = libraryDefinitions(library);
  if (defined === undefined) return; // neither ELM nor CQL to read: not decided here
  const wanted = unquote(name.trim());
  if (!defined.has(wanted)) {
    sink.report('measure/cql-criteria', cw, {
      expression,
      reason: `library ${str(library['url']) ?? str(library['name']) ?? ''} does not define '${wanted}'`,
    });
  }
}
