/**
 * FHIR TestScripts run offline: no server, the request payload of each operation is its fixture
 * (`sourceId`), and the asserts MedCom's scripts use are evaluated on it — `validateProfileId`
 * (our validator), `expression` with `operator`/`value`, `resource`, `compareToSourceId` +
 * `compareToSourceExpression`, `warningOnly`. What needs a server's response (`direction:
 * response`, `responseCode`, `response`) is recorded as not applicable offline, never as passed; a
 * `validateProfileId` against a profile this build does not have is *not checked*, never passed.
 * `${variables}` are evaluated on their source fixture (or, for the response of a create/update,
 * on the payload that operation sent).
 *
 * Fixtures: MedCom's published scripts reference TouchStone-hosted files that are not published,
 * and what a vendor checks is the message its own system produced. A fixture's file is, in order:
 * an explicit `fixtures[id]`, a file in one of `fixtureDirs` named like the fixture's reference
 * (or with the same stem and the other of .xml/.json), `fixtures['*']`, or the reference resolved
 * beside the TestScript. TestScripts are read as FHIR JSON or FHIR XML.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Definitions } from '../defs/registry.js';
import { documentResolver } from '../fhir/references.js';
import { FhirPathRunner } from '../fhirpath/runner.js';
import { newValidator, validationDefinitions } from '../standards/validation.js';
import { UsageError } from '../util/errors.js';
import { fileKind, readTextSafe, resolveInside, SafeFileError, type SafeFileProblem } from '../util/fs-safe.js';
import { parseJsonFile } from '../util/json-file.js';
import { InputError, type SourceDoc } from '../validator/load/source.js';
import { countBySeverity, severityKind } from '../validator/issue.js';
import type { Locale } from '../validator/messages/index.js';
import type { Validator } from '../validator/validator.js';
import { terminalSafe } from '../util/text.js';
import { renderJunitXml, type JunitCase } from '../util/junit.js';
import { valueText } from '../util/text.js';

type Json = Record<string, unknown>;

export type AssertKind = 'validateProfileId' | 'expression' | 'resource' | 'compareToSource' | 'responseCode' | 'response' | 'other';
/**
 * `not-applicable`: needs a server (response asserts). `not-checked`: could be decided, but not by
 * this build offline (a profile it does not have, a variable from the response of a read). Neither
 * is ever counted as passed.
 */
export type AssertOutcome = 'pass' | 'fail' | 'warning' | 'not-applicable' | 'not-checked' | 'error';

export interface AssertResult {
  test: string;
  /** 1-based position among the test's actions. */
  action: number;
  description: string;
  kind: AssertKind;
  direction: string;
  warningOnly: boolean;
  outcome: AssertOutcome;
  detail: string;
  expression?: string;
  expected?: string;
  actual?: string;
  issues?: { ruleId: string; fhirpath: string; line?: number; message: string }[];
}

/** Where a fixture's file came from. */
export type FixtureSource = 'given' | 'fixtures-dir' | 'all' | 'script';

export interface FixtureReport {
  id: string;
  /** The reference as the TestScript writes it. */
  reference: string;
  file?: string;
  from?: FixtureSource;
  missing: boolean;
  /** Why it is missing, and how to supply it. */
  reason?: string;
  /**
   * The file exists but is not read: it lies outside the folder it was found through (the script's
   * folder for its own reference, the --fixtures folder), or it is not a regular file.
   */
  refused?: SafeFileProblem;
  /** The folder the file must lie in when read (not in the JSON report). */
  root?: string;
}

/**
 * `fail` when an assert failed or could not be evaluated; `incomplete` when none did, but some
 * assert was not checked offline, or no assert was decided at all; `pass` otherwise.
 */
export type TestScriptVerdict = 'pass' | 'fail' | 'incomplete';

export interface TestScriptRunReport {
  schema: 'medcom-testscript-report/1';
  script: { id: string; name: string; title: string; file: string; format: 'json' | 'xml' };
  fixtures: FixtureReport[];
  tests: { name: string; description: string; asserts: AssertResult[] }[];
  summary: Record<AssertOutcome, number> & { verdict: TestScriptVerdict };
}

export interface RunTestScriptOptions {
  /** The TestScript file (FHIR JSON or XML). */
  file: string;
  /** Fixture files by fixture id, overriding the script's references; `*` stands for every fixture. */
  fixtures?: Record<string, string>;
  /** Folders holding fixture files, matched by the file name of each fixture's reference. */
  fixtureDirs?: string[];
  /**
   * A `fixtures` id the script does not have: a usage error (default), or ignored — for runs over
   * several scripts, where the caller checks that every id is used by one of them.
   */
  unknownFixtureIds?: 'error' | 'ignore';
  definitions?: Definitions;
  locale?: Locale;
}

/** The assert cannot be evaluated (a missing fixture, an unknown variable): an error. */
class FixtureError extends Error {}
/** The assert could be decided, but not offline by this build: not checked. */
class NotCheckedError extends Error {}

/** One run: the fixtures read once, one validator per profile, the FHIRPath runner. */
class TestScriptRun {
  private readonly docs = new Map<string, SourceDoc | FixtureError>();
  private readonly validators = new Map<string, Validator>();
  /** What the current assert assumed (e.g. a variable read from a create's payload). */
  readonly notes = new Set<string>();
  /** resolve() where the reference is made: `#id` in an entry is that entry's contained resource. */
  private readonly resolveIn = documentResolver();
  private readonly fhirpath = new FhirPathRunner({ resolve: (ref, vars, at) => this.resolveIn(vars.rootResource, ref, at) });
  /** responseId → its operation, and the fixture it sent (create / update operations only). */
  private readonly responses = new Map<string, { sourceId: string | undefined; operation: string }>();

  constructor(
    private readonly script: fhir4.TestScript,
    private readonly fixtureFiles: Map<string, FixtureReport>,
    private readonly defs: Definitions,
    private readonly locale: Locale,
    private readonly parser: Validator,
    private readonly readXml: NonNullable<Parameters<typeof newValidator>[1]>['readXml'],
  ) {
    const actions = [...(script.setup?.action ?? []), ...(script.test ?? []).flatMap((t) => t.action)];
    for (const a of actions) {
      const op = a.operation;
      const code = op?.type?.code ?? '';
      if (op?.responseId)
        this.responses.set(op.responseId, {
          sourceId: op.sourceId && ['create', 'update', 'updateCreate'].includes(code) ? op.sourceId : undefined,
          operation: code || 'operation',
        });
    }
  }

  fixture(id: string): SourceDoc {
    let d = this.docs.get(id);
    if (!d) {
      const f = this.fixtureFiles.get(id);
      const file = f?.file;
      if (!f) d = new FixtureError(`no fixture '${id}' in the TestScript`);
      else if (f.missing || !file)
        d = new FixtureError(`fixture '${id}' is missing (${f.reference ? referenceName(f.reference) : 'no reference'}; see the fixtures)`);
      else {
        try {
          // read inside the folder it was found through (none for a file the user named), a regular file under the cap
          d = this.parser.parse(file, readTextSafe(file, f.root !== undefined ? { root: f.root } : {}));
        } catch (e) {
          d = new FixtureError(
            `fixture '${id}' cannot be read: ${e instanceof InputError || e instanceof SafeFileError ? e.message : (e as Error).message}`,
          );
        }
      }
      this.docs.set(id, d);
    }
    if (d instanceof FixtureError) throw d;
    return d;
  }

  private validator(profile: string): Validator {
    let v = this.validators.get(profile);
    if (!v) {
      // validateProfileId asks for conformance to a profile: the official rules only
      v = newValidator(this.defs, {
        scopeProfile: profile,
        locale: this.locale,
        rules: 'official',
        ...(this.readXml ? { readXml: this.readXml } : {}),
      });
      this.validators.set(profile, v);
    }
    return v;
  }

  private evaluate(doc: SourceDoc, expression: string): unknown[] {
    const root = doc.value;
    const type = (root as Json | null)?.['resourceType'];
    return this.fhirpath
      .evaluate(root, typeof type === 'string' ? type : 'Resource', expression, { resource: root, rootResource: root })
      .map((v) => (v && typeof v === 'object' && 'data' in (v as Json) && '__path__' in (v as Json) ? (v as Json)['data'] : v));
  }

  /** `${name}` → the variable's value (its expression on its source fixture, or its default). */
  substitute(text: string): string {
    return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const v = (this.script.variable ?? []).find((x) => x.name === name);
      if (!v) throw new FixtureError(`unknown variable \${${name}} (the TestScript does not declare it)`);
      if (v.expression && v.sourceId) {
        let source = v.sourceId;
        if (!this.fixtureFiles.has(source)) {
          const response = this.responses.get(source);
          if (!response) {
            if (v.defaultValue !== undefined) return v.defaultValue;
            throw new FixtureError(
              `variable \${${name}}: its sourceId '${source}' is neither a fixture nor the responseId of an operation in the TestScript`,
            );
          }
          // offline there is no server: the response of a create/update is taken to be the resource it sent
          if (!response.sourceId)
            throw new NotCheckedError(
              `not checked: variable \${${name}} comes from the response of a ${response.operation} ('${source}'), which needs a server`,
            );
          source = response.sourceId;
          this.notes.add(
            `\${${name}} read from fixture '${source}', the payload of the ${response.operation} whose response is '${v.sourceId}'`,
          );
        }
        const value = this.evaluate(this.fixture(source), v.expression);
        if (value.length > 0) return String(value[0]);
      }
      if (v.defaultValue !== undefined) return v.defaultValue;
      throw new FixtureError(`variable \${${name}} has no value`);
    });
  }

  runAssert(test: string, action: number, a: fhir4.TestScriptSetupActionAssert, request: string | undefined): AssertResult {
    this.notes.clear();
    const r = this.assertOnce(test, action, a, request);
    return this.notes.size > 0 ? { ...r, detail: `${r.detail} (${[...this.notes].join('; ')})` } : r;
  }

  private assertOnce(test: string, action: number, a: fhir4.TestScriptSetupActionAssert, request: string | undefined): AssertResult {
    const base = {
      test,
      action,
      description: a.description ?? a.label ?? '',
      direction: a.direction ?? 'response',
      warningOnly: a.warningOnly === true,
    };
    const kind: AssertKind = a.validateProfileId
      ? 'validateProfileId'
      : a.compareToSourceId
        ? 'compareToSource'
        : a.expression
          ? 'expression'
          : a.resource
            ? 'resource'
            : a.responseCode
              ? 'responseCode'
              : a.response
                ? 'response'
                : 'other';
    const done = (ok: boolean, detail: string, extra: Partial<AssertResult> = {}): AssertResult => ({
      ...base,
      kind,
      outcome: ok ? 'pass' : a.warningOnly ? 'warning' : 'fail',
      detail,
      ...extra,
    });
    if (kind === 'responseCode' || kind === 'response' || (a.direction === 'response' && kind !== 'compareToSource')) {
      return { ...base, kind, outcome: 'not-applicable', detail: 'needs a server response: not applicable offline' };
    }
    if (kind === 'other') return { ...base, kind, outcome: 'error', detail: 'assert kind not supported offline' };
    try {
      if (!request && !a.sourceId) throw new FixtureError('no operation before this assert sent a fixture');
      const doc = this.fixture(a.sourceId ?? request!);
      if (kind === 'resource') {
        const actual = valueText((doc.value as Json | null)?.['resourceType'] ?? '');
        return done(actual === a.resource, `resourceType ${actual}`, { expected: a.resource ?? '', actual });
      }
      if (kind === 'validateProfileId') {
        const profile = (this.script.profile ?? []).find((p) => p.id === a.validateProfileId)?.reference;
        if (!profile) throw new FixtureError(`no profile '${a.validateProfileId ?? ''}' in TestScript.profile`);
        if (!this.defs.all().resolve(profile, 'StructureDefinition')) {
          throw new NotCheckedError(
            `not checked: profile ${profile} is not available offline (this build does not have it), so conformance to it is not decided`,
          );
        }
        const report = this.validator(profile).validateDoc(doc, { profiles: [profile] });
        const errors = report.issues.filter((i) => severityKind(i.severity) === 'errors');
        const { warnings } = countBySeverity(report.issues);
        return done(errors.length === 0, `${errors.length} error(s), ${warnings} warning(s) against ${profile}`, {
          expected: profile,
          issues: errors.map((i) => ({
            ruleId: i.ruleId,
            fhirpath: i.location.fhirpath,
            message: i.message,
            ...(i.location.line !== undefined ? { line: i.location.line } : {}),
          })),
        });
      }
      const expression = this.substitute(a.expression ?? '');
      const actualValues = this.evaluate(doc, expression);
      const actual = JSON.stringify(actualValues);
      let expectedValues: unknown[] | undefined;
      if (kind === 'compareToSource') {
        expectedValues = this.evaluate(
          this.fixture(a.compareToSourceId!),
          this.substitute(a.compareToSourceExpression ?? a.expression ?? ''),
        );
      }
      const value = a.value !== undefined ? this.substitute(a.value) : undefined;
      const ok = compare(a.operator, actualValues, value, expectedValues);
      return done(ok, `${a.operator ?? (value !== undefined || expectedValues ? 'equals' : 'true')}`, {
        expression,
        actual,
        expected: expectedValues ? JSON.stringify(expectedValues) : (value ?? 'true'),
      });
    } catch (e) {
      if (e instanceof NotCheckedError)
        return {
          ...base,
          kind,
          outcome: 'not-checked',
          detail: e.message,
          ...(kind === 'validateProfileId'
            ? { expected: (this.script.profile ?? []).find((p) => p.id === a.validateProfileId)?.reference ?? '' }
            : {}),
        };
      if (e instanceof FixtureError) return { ...base, kind, outcome: 'error', detail: e.message };
      return {
        ...base,
        kind,
        outcome: 'error',
        detail: `evaluation failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`,
      };
    }
  }
}

/** TestScript operators on an offline result (the FHIRPath result vs `value`, or vs the source's result). */
export function compare(operator: string | undefined, actual: unknown[], value: string | undefined, source?: unknown[]): boolean {
  const first = actual.length > 0 ? valueText(actual[0]) : undefined;
  if (source) {
    const a = JSON.stringify(actual.map(valueText));
    const b = JSON.stringify(source.map(valueText));
    switch (operator ?? 'equals') {
      case 'equals':
        return a === b;
      case 'notEquals':
        return a !== b;
      default:
        return false;
    }
  }
  if (operator === undefined && value === undefined) return actual.length === 1 && actual[0] === true;
  const v = value ?? '';
  switch (operator ?? 'equals') {
    case 'equals':
      return first === v;
    case 'notEquals':
      return first !== v;
    case 'in':
      return (
        first !== undefined &&
        v
          .split(',')
          .map((x) => x.trim())
          .includes(first)
      );
    case 'notIn':
      return (
        first === undefined ||
        !v
          .split(',')
          .map((x) => x.trim())
          .includes(first)
      );
    case 'greaterThan':
      return first !== undefined && Number(first) > Number(v);
    case 'lessThan':
      return first !== undefined && Number(first) < Number(v);
    case 'empty':
      return actual.length === 0;
    case 'notEmpty':
      return actual.length > 0;
    case 'contains':
      return first !== undefined && first.includes(v);
    case 'notContains':
      return first === undefined || !first.includes(v);
    case 'eval':
      return actual.length === 1 && actual[0] === true;
    default:
      return false;
  }
}

/**
 * Read a TestScript file, FHIR JSON or FHIR XML (with `parser`: the validator's readers, so XML is
 * converted to the JSON form by src/validator/load/xml); anything else is a usage error naming the file.
 */
export function readTestScript(file: string, parser?: Pick<Validator, 'parse'>): { script: fhir4.TestScript; format: 'json' | 'xml' } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such TestScript file`);
  const text = readTextSafe(file);
  const xml = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
  let data: unknown;
  if (xml) {
    if (!parser) throw new UsageError(`${file}: an XML TestScript needs the XML reader`);
    try {
      data = parser.parse(file, text).value;
    } catch (e) {
      throw new UsageError(
        e instanceof InputError
          ? `${e.message} (not a readable FHIR XML TestScript)`
          : `${file}: not readable FHIR XML (${(e as Error).message})`,
      );
    }
  } else {
    data = parseJsonFile(file, text);
  }
  const type = (data as Json | null)?.['resourceType'];
  if (type !== 'TestScript') throw new UsageError(`${file}: not a TestScript resource${typeof type === 'string' ? ` (a ${type})` : ''}`);
  return { script: data as fhir4.TestScript, format: xml ? 'xml' : 'json' };
}

/** A fixture folder's file: its path and folder, or why it is refused. */
type DirFixture = { file: string; root: string; problem?: undefined } | { file: string; root: string; problem: SafeFileError };

/**
 * Why `file` is not read as a fixture (undefined when it may be): with `root`, it must lie inside
 * that folder after following links; it must be a regular file (no FIFO, no device).
 */
function fixtureProblem(file: string, root?: string): SafeFileError | undefined {
  try {
    const real = resolveInside(file, root !== undefined ? { root } : {});
    const st = statSync(real);
    if (!st.isFile())
      return new SafeFileError(
        file,
        `${fileKind(st)}, not a regular file; only regular files are read`,
        st.isDirectory() ? 'is-folder' : 'not-regular',
      );
    return undefined;
  } catch (e) {
    if (e instanceof SafeFileError) return e;
    throw e;
  }
}

/** The files of the fixture folders by name (checked once per run); a link out of its folder or a special file is kept with its problem. */
function fixtureDirIndex(dirs: readonly string[]): Map<string, DirFixture> {
  const byName = new Map<string, DirFixture>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such fixtures folder`);
    const root = resolve(dir);
    for (const name of readdirSync(dir).sort()) {
      if (byName.has(name)) continue;
      const file = join(root, name);
      let link: boolean;
      try {
        const l = lstatSync(file);
        link = l.isSymbolicLink();
        if (l.isDirectory()) continue;
      } catch {
        continue;
      }
      const problem = fixtureProblem(file, root);
      if (problem?.problem === 'is-folder' && link) continue;
      byName.set(name, problem ? { file, root, problem } : { file, root });
    }
  }
  return byName;
}

/** The file name a fixture reference points to (`/FHIRSandbox/…/HospitalNotification-fixture.xml` → `HospitalNotification-fixture.xml`). */
function referenceName(reference: string): string {
  return basename(reference.replace(/[?#].*$/, '').replace(/\\/g, '/'));
}

/**
 * A fixture's file: explicit > fixtures folder (same name, else same stem with .json/.xml) > `*` > beside the script.
 * Found through a folder (the script's, a --fixtures folder), the file must lie inside it and be a regular
 * file, or the fixture is refused (missing, with `refused` and the reason); a file the user named may be anywhere.
 */
function locateFixture(
  id: string,
  reference: string,
  base: string,
  given: Record<string, string>,
  dirIndex: Map<string, DirFixture>,
  dirs: readonly string[],
): FixtureReport {
  const supply = `supply it with --fixture ${id}=<file>${reference ? ` or --fixtures <dir> holding ${referenceName(reference)}` : ''}`;
  const refuse = (file: string, e: SafeFileError): FixtureReport => ({
    id,
    reference,
    file,
    missing: true,
    refused: e.problem,
    reason: `${e.message}; ${supply}`,
  });
  if (given[id]) return { id, reference, file: resolve(given[id]), from: 'given', missing: false };
  const name = reference ? referenceName(reference) : '';
  if (name && dirIndex.size > 0) {
    const stem = name.slice(0, name.length - extname(name).length);
    const found = dirIndex.get(name) ?? dirIndex.get(`${stem}.json`) ?? dirIndex.get(`${stem}.xml`);
    if (found?.problem) return refuse(found.file, found.problem);
    if (found) return { id, reference, file: found.file, from: 'fixtures-dir', missing: false, root: found.root };
  }
  if (given['*']) return { id, reference, file: resolve(given['*']), from: 'all', missing: false };
  if (!reference) return { id, reference, missing: true, reason: `the fixture has no resource reference; ${supply}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference))
    return { id, reference, missing: true, reason: `${reference} is not a local file (not fetched offline); ${supply}` };
  const file = resolve(base, reference);
  let present = existsSync(file);
  if (!present)
    try {
      present = lstatSync(file).isSymbolicLink();
    } catch {
      /* not there */
    }
  if (present) {
    // the script's own reference: only a regular file inside the script's folder
    const problem = fixtureProblem(file, base);
    if (problem) return refuse(file, problem);
    return { id, reference, file, from: 'script', missing: false, root: base };
  }
  const where = dirs.length > 0 ? `no ${name} (or ${name.replace(/\.[^.]*$/, '')}.json/.xml) in ${dirs.join(', ')}, and ` : '';
  return {
    id,
    reference,
    file,
    missing: true,
    reason: `${where}${file} does not exist (MedCom publishes the TestScripts without their fixtures); ${supply}`,
  };
}

/** Run one TestScript offline on its fixtures. */
export async function runTestScript(options: RunTestScriptOptions): Promise<TestScriptRunReport> {
  const defs = options.definitions ?? (await validationDefinitions());
  const { readXml } = await import('../validator/load/xml.js');
  const locale = options.locale ?? 'en';
  const parser = newValidator(defs, { locale, readXml });
  const { script, format } = readTestScript(options.file, parser);
  const base = dirname(resolve(options.file));
  const given = options.fixtures ?? {};
  const dirs = options.fixtureDirs ?? [];
  const dirIndex = fixtureDirIndex(dirs);
  const fixtureFiles = new Map<string, FixtureReport>();
  for (const f of script.fixture ?? []) {
    const id = f.id ?? '';
    fixtureFiles.set(id, locateFixture(id, f.resource?.reference ?? '', base, given, dirIndex, dirs));
  }
  for (const id of Object.keys(given)) {
    if (id !== '*' && !fixtureFiles.has(id) && options.unknownFixtureIds !== 'ignore')
      throw new UsageError(
        `--fixture ${id}: the TestScript ${options.file} has no fixture '${id}' (it has: ${[...fixtureFiles.keys()].join(', ') || 'none'})`,
      );
    if (!existsSync(given[id]!) || !statSync(given[id]!).isFile()) throw new UsageError(`${given[id]!}: no such fixture file`);
  }
  // a file the user named may be anywhere, but it must be a regular file under the size cap (checked when read)
  const run = new TestScriptRun(script, fixtureFiles, defs, locale, parser, readXml);

  const tests: TestScriptRunReport['tests'] = [];
  const phases: { name: string; description: string; action: (fhir4.TestScriptSetupAction | fhir4.TestScriptTestAction)[] }[] = [
    ...(script.setup ? [{ name: 'setup', description: '', action: script.setup.action }] : []),
    ...(script.test ?? []).map((t, k) => ({ name: t.name ?? `test ${k + 1}`, description: t.description ?? '', action: t.action })),
  ];
  // the payload of the latest operation: an operation that sends nothing (read, delete) has none
  let request: string | undefined;
  for (const phase of phases) {
    const asserts: AssertResult[] = [];
    phase.action.forEach((a, k) => {
      if (a.operation) {
        request = a.operation.sourceId;
        return;
      }
      if (a.assert) asserts.push(run.runAssert(phase.name, k + 1, a.assert, request));
    });
    tests.push({ name: phase.name, description: phase.description, asserts });
  }
  const all = tests.flatMap((t) => t.asserts);
  const count = (o: AssertOutcome): number => all.filter((a) => a.outcome === o).length;
  const summary = {
    pass: count('pass'),
    fail: count('fail'),
    warning: count('warning'),
    'not-applicable': count('not-applicable'),
    'not-checked': count('not-checked'),
    error: count('error'),
  };
  const verdict: TestScriptVerdict =
    summary.fail + summary.error > 0 ? 'fail' : summary['not-checked'] > 0 || summary.pass + summary.warning === 0 ? 'incomplete' : 'pass';
  return {
    schema: 'medcom-testscript-report/1',
    script: { id: script.id ?? '', name: script.name, title: script.title ?? '', file: options.file, format },
    fixtures: [...fixtureFiles.values()].map(({ root: _root, ...f }) => f),
    tests,
    summary: { ...summary, verdict },
  };
}

/** Plain text: one line per assert, then the counts. */
export function renderTestScriptText(reports: TestScriptRunReport[]): string {
  const mark: Record<AssertOutcome, string> = {
    pass: 'PASS',
    fail: 'FAIL',
    warning: 'WARN',
    'not-applicable': 'N/A ',
    'not-checked': 'NOT CHECKED',
    error: 'ERR ',
  };
  const from: Record<FixtureSource, string> = {
    given: '--fixture',
    'fixtures-dir': '--fixtures',
    all: '--fixture (every fixture)',
    script: 'beside the TestScript',
  };
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.script.file}: ${r.script.title || r.script.name}`);
    for (const f of r.fixtures) {
      lines.push(
        f.missing
          ? `  fixture ${f.id} MISSING: ${f.reason ?? f.reference}`
          : `  fixture ${f.id}: ${f.file ?? ''} (${from[f.from ?? 'script']})`,
      );
    }
    for (const t of r.tests)
      for (const a of t.asserts) {
        lines.push(
          `  ${mark[a.outcome]} ${t.name} #${a.action} ${a.kind}: ${a.description} — ${a.detail}${a.outcome === 'fail' || a.outcome === 'warning' ? `${a.actual !== undefined ? ` (found ${a.actual}, expected ${a.expected ?? ''})` : ''}` : ''}`,
        );
        for (const i of a.issues ?? [])
          lines.push(`       ${i.ruleId} @ ${i.fhirpath}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`);
      }
    const s = r.summary;
    lines.push(
      `  ${s.verdict.toUpperCase()}: ${s.pass} passed, ${s.fail} failed, ${s.warning} warning(s), ${s['not-applicable']} not applicable offline, ${s['not-checked']} not checked, ${s.error} error(s)`,
    );
  }
  // what comes from the script and its fixtures is shown, never acted on by the terminal
  return lines.map(terminalSafe).join('\n') + '\n';
}

/**
 * JUnit XML: one test suite per TestScript, one test case per assert. Failed asserts are failures,
 * erred ones errors, not-applicable and not-checked ones skipped (with the reason); warnings pass with the finding in system-out.
 */
export function renderTestScriptJunit(reports: TestScriptRunReport[]): string {
  return renderJunitXml(
    'medcom-ig testscript',
    reports.map((r) => ({
      name: r.script.id || r.script.name,
      cases: r.tests.flatMap((t) =>
        t.asserts.map((a): JunitCase => {
          const c: JunitCase = { classname: `${r.script.id}.${t.name}`, name: `#${a.action} ${a.kind}: ${a.description}` };
          const detail = [
            a.detail,
            ...(a.actual !== undefined ? [`found ${a.actual}, expected ${a.expected ?? ''}`] : []),
            ...(a.issues ?? []).map((i) => `${i.ruleId} ${i.fhirpath}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`),
          ].join('\n');
          if (a.outcome === 'fail') c.failures = [{ type: 'assert', message: a.detail, detail }];
          else if (a.outcome === 'error') c.errors = [{ type: 'assert', message: a.detail, detail }];
          else if (a.outcome === 'not-applicable' || a.outcome === 'not-checked') c.skipped = a.detail;
          else if (a.outcome === 'warning') c.systemOut = `warning: ${detail}`;
          return c;
        }),
      ),
    })),
  );
}
