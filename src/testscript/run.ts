/**
 * FHIR TestScripts run offline: no server, the request payload of each operation is its fixture
 * (`sourceId`), and the asserts MedCom's scripts use are evaluated on it — `validateProfileId`
 * (our validator), `expression` with `operator`/`value`, `resource`, `compareToSourceId` +
 * `compareToSourceExpression`, `warningOnly`. What needs a server's response (`direction:
 * response`, `responseCode`, `response`) is recorded as not applicable offline, never as passed.
 * `${variables}` are evaluated on their source fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Definitions } from '../defs/registry.js';
import { bundleResolver } from '../fhirpath/engine.js';
import { FhirPathRunner } from '../fhirpath/runner.js';
import { newValidator, validationDefinitions } from '../api/validate.js';
import { UsageError } from '../api/errors.js';
import { InputError, type SourceDoc } from '../validator/load/source.js';
import type { Locale } from '../validator/messages/index.js';
import type { Validator } from '../validator/validator.js';

type Json = Record<string, unknown>;

export type AssertKind = 'validateProfileId' | 'expression' | 'resource' | 'compareToSource' | 'responseCode' | 'response' | 'other';
export type AssertOutcome = 'pass' | 'fail' | 'warning' | 'not-applicable' | 'error';

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

export interface TestScriptRunReport {
  schema: 'medcom-testscript-report/1';
  script: { id: string; name: string; title: string; file: string };
  fixtures: { id: string; reference: string; file?: string; missing: boolean }[];
  tests: { name: string; description: string; asserts: AssertResult[] }[];
  summary: Record<AssertOutcome, number> & { verdict: 'pass' | 'fail' };
}

export interface RunTestScriptOptions {
  /** The TestScript file (JSON). */
  file: string;
  /** Fixture files by fixture id, overriding the script's references; `*` stands for every fixture. */
  fixtures?: Record<string, string>;
  definitions?: Definitions;
  locale?: Locale;
}

class FixtureError extends Error {}

/** One run: the fixtures read once, one validator per profile, the FHIRPath runner. */
class TestScriptRun {
  private readonly docs = new Map<string, SourceDoc | FixtureError>();
  private readonly validators = new Map<string, Validator>();
  private readonly fhirpath = new FhirPathRunner({ resolve: (ref, vars) => bundleResolver(vars.rootResource)(ref) });
  private readonly parser: Validator;

  constructor(
    private readonly script: fhir4.TestScript,
    private readonly fixtureFiles: Map<string, string | undefined>,
    private readonly defs: Definitions,
    private readonly locale: Locale,
    private readonly readXml: NonNullable<Parameters<typeof newValidator>[1]>['readXml'],
  ) {
    this.parser = newValidator(defs, { locale, ...(readXml ? { readXml } : {}) });
  }

  fixture(id: string): SourceDoc {
    let d = this.docs.get(id);
    if (!d) {
      const file = this.fixtureFiles.get(id);
      if (!this.fixtureFiles.has(id)) d = new FixtureError(`no fixture '${id}' in the TestScript`);
      else if (!file || !existsSync(file)) d = new FixtureError(`fixture '${id}' is missing${file ? ` (${file})` : ''}`);
      else {
        try {
          d = this.parser.parse(file, readFileSync(file, 'utf8'));
        } catch (e) {
          d = new FixtureError(`fixture '${id}' cannot be read: ${e instanceof InputError ? e.message : (e as Error).message}`);
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
      v = newValidator(this.defs, { scopeProfile: profile, locale: this.locale, rules: 'official', ...(this.readXml ? { readXml: this.readXml } : {}) });
      this.validators.set(profile, v);
    }
    return v;
  }

  private evaluate(doc: SourceDoc, expression: string): unknown[] {
    const root = doc.value;
    const type = (root as Json | null)?.['resourceType'];
    return this.fhirpath.evaluate(root, typeof type === 'string' ? type : 'Resource', expression, { resource: root, rootResource: root })
      .map((v) => (v && typeof v === 'object' && 'data' in (v as Json) && '__path__' in (v as Json) ? (v as Json)['data'] : v));
  }

  /** `${name}` → the variable's value (its expression on its source fixture, or its default). */
  substitute(text: string): string {
    return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const v = (this.script.variable ?? []).find((x) => x.name === name);
      if (!v) throw new FixtureError(`unknown variable \${${name}}`);
      if (v.expression && v.sourceId) {
        const value = this.evaluate(this.fixture(v.sourceId), v.expression);
        if (value.length > 0) return String(value[0]);
      }
      if (v.defaultValue !== undefined) return v.defaultValue;
      throw new FixtureError(`variable \${${name}} has no value`);
    });
  }

  runAssert(test: string, action: number, a: fhir4.TestScriptSetupActionAssert, request: string | undefined): AssertResult {
    const base = {
      test, action, description: a.description ?? a.label ?? '', direction: a.direction ?? 'response', warningOnly: a.warningOnly === true,
    };
    const kind: AssertKind = a.validateProfileId ? 'validateProfileId' : a.compareToSourceId ? 'compareToSource' : a.expression ? 'expression'
      : a.resource ? 'resource' : a.responseCode ? 'responseCode' : a.response ? 'response' : 'other';
    const done = (ok: boolean, detail: string, extra: Partial<AssertResult> = {}): AssertResult => ({
      ...base, kind, outcome: ok ? 'pass' : a.warningOnly ? 'warning' : 'fail', detail, ...extra,
    });
    if (kind === 'responseCode' || kind === 'response' || (a.direction === 'response' && kind !== 'compareToSource')) {
      return { ...base, kind, outcome: 'not-applicable', detail: 'needs a server response: not applicable offline' };
    }
    if (kind === 'other') return { ...base, kind, outcome: 'error', detail: 'assert kind not supported offline' };
    try {
      if (!request && !a.sourceId) throw new FixtureError('no operation before this assert sent a fixture');
      const doc = this.fixture(a.sourceId ?? request!);
      if (kind === 'resource') {
        const actual = String((doc.value as Json | null)?.['resourceType'] ?? '');
        return done(actual === a.resource, `resourceType ${actual}`, { expected: a.resource ?? '', actual });
      }
      if (kind === 'validateProfileId') {
        const profile = (this.script.profile ?? []).find((p) => p.id === a.validateProfileId)?.reference;
        if (!profile) throw new FixtureError(`no profile '${a.validateProfileId ?? ''}' in TestScript.profile`);
        if (!this.defs.all().resolve(profile, 'StructureDefinition')) throw new FixtureError(`profile ${profile} is not available in this build`);
        const report = this.validator(profile).validateDoc(doc, { profiles: [profile] });
        const errors = report.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
        return done(errors.length === 0, `${errors.length} error(s), ${report.issues.filter((i) => i.severity === 'warning').length} warning(s) against ${profile}`, {
          expected: profile,
          issues: errors.map((i) => ({ ruleId: i.ruleId, fhirpath: i.location.fhirpath, message: i.message, ...(i.location.line !== undefined ? { line: i.location.line } : {}) })),
        });
      }
      const expression = this.substitute(a.expression ?? '');
      const actualValues = this.evaluate(doc, expression);
      const actual = JSON.stringify(actualValues);
      let expectedValues: unknown[] | undefined;
      if (kind === 'compareToSource') {
        expectedValues = this.evaluate(this.fixture(a.compareToSourceId!), this.substitute(a.compareToSourceExpression ?? a.expression ?? ''));
      }
      const value = a.value !== undefined ? this.substitute(a.value) : undefined;
      const ok = compare(a.operator, actualValues, value, expectedValues);
      return done(ok, `${a.operator ?? (value !== undefined || expectedValues ? 'equals' : 'true')}`, {
        expression, actual, expected: expectedValues ? JSON.stringify(expectedValues) : value ?? 'true',
      });
    } catch (e) {
      if (e instanceof FixtureError) return { ...base, kind, outcome: 'error', detail: e.message };
      return { ...base, kind, outcome: 'error', detail: `evaluation failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}` };
    }
  }
}

function str(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** TestScript operators on an offline result (the FHIRPath result vs `value`, or vs the source's result). */
export function compare(operator: string | undefined, actual: unknown[], value: string | undefined, source?: unknown[]): boolean {
  const first = actual.length > 0 ? str(actual[0]) : undefined;
  if (source) {
    const a = JSON.stringify(actual.map(str));
    const b = JSON.stringify(source.map(str));
    switch (operator ?? 'equals') {
      case 'equals': return a === b;
      case 'notEquals': return a !== b;
      default: return false;
    }
  }
  if (operator === undefined && value === undefined) return actual.length === 1 && actual[0] === true;
  const v = value ?? '';
  switch (operator ?? 'equals') {
    case 'equals': return first === v;
    case 'notEquals': return first !== v;
    case 'in': return first !== undefined && v.split(',').map((x) => x.trim()).includes(first);
    case 'notIn': return first === undefined || !v.split(',').map((x) => x.trim()).includes(first);
    case 'greaterThan': return first !== undefined && Number(first) > Number(v);
    case 'lessThan': return first !== undefined && Number(first) < Number(v);
    case 'empty': return actual.length === 0;
    case 'notEmpty': return actual.length > 0;
    case 'contains': return first !== undefined && first.includes(v);
    case 'notContains': return first === undefined || !first.includes(v);
    case 'eval': return actual.length === 1 && actual[0] === true;
    default: return false;
  }
}

/** Read a TestScript file; anything else is a usage error naming the file. */
export function readTestScript(file: string): fhir4.TestScript {
  if (!existsSync(file)) throw new UsageError(`${file}: no such TestScript file`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: not readable JSON (${(e as Error).message})`);
  }
  if ((data as Json | null)?.['resourceType'] !== 'TestScript') throw new UsageError(`${file}: not a TestScript resource`);
  return data as fhir4.TestScript;
}

/** Run one TestScript offline on its fixtures. */
export async function runTestScript(options: RunTestScriptOptions): Promise<TestScriptRunReport> {
  const script = readTestScript(options.file);
  const base = dirname(resolve(options.file));
  const given = options.fixtures ?? {};
  const fixtureFiles = new Map<string, string | undefined>();
  const fixtures: TestScriptRunReport['fixtures'] = [];
  for (const f of script.fixture ?? []) {
    const id = f.id ?? '';
    const reference = f.resource?.reference ?? '';
    const override = given[id] ?? given['*'];
    const file = override ? resolve(override) : reference && !/^[a-z]+:/i.test(reference) ? resolve(base, reference) : undefined;
    fixtureFiles.set(id, file);
    fixtures.push({ id, reference, ...(file ? { file } : {}), missing: !file || !existsSync(file) });
  }
  for (const id of Object.keys(given)) {
    if (id !== '*' && !fixtureFiles.has(id)) throw new UsageError(`--fixture ${id}: the TestScript has no fixture '${id}' (it has: ${[...fixtureFiles.keys()].join(', ') || 'none'})`);
    if (!existsSync(given[id]!)) throw new UsageError(`${given[id]!}: no such fixture file`);
  }
  const defs = options.definitions ?? await validationDefinitions();
  const { readXml } = await import('../validator/load/xml.js');
  const run = new TestScriptRun(script, fixtureFiles, defs, options.locale ?? 'en', readXml);

  const tests: TestScriptRunReport['tests'] = [];
  const phases: { name: string; description: string; action: (fhir4.TestScriptSetupAction | fhir4.TestScriptTestAction)[] }[] = [
    ...(script.setup ? [{ name: 'setup', description: '', action: script.setup.action }] : []),
    ...(script.test ?? []).map((t, k) => ({ name: t.name ?? `test ${k + 1}`, description: t.description ?? '', action: t.action })),
  ];
  let request: string | undefined;
  for (const phase of phases) {
    const asserts: AssertResult[] = [];
    phase.action.forEach((a, k) => {
      if (a.operation) { request = a.operation.sourceId ?? request; return; }
      if (a.assert) asserts.push(run.runAssert(phase.name, k + 1, a.assert, request));
    });
    tests.push({ name: phase.name, description: phase.description, asserts });
  }
  const all = tests.flatMap((t) => t.asserts);
  const count = (o: AssertOutcome): number => all.filter((a) => a.outcome === o).length;
  const summary = { pass: count('pass'), fail: count('fail'), warning: count('warning'), 'not-applicable': count('not-applicable'), error: count('error') };
  return {
    schema: 'medcom-testscript-report/1',
    script: { id: script.id ?? '', name: script.name, title: script.title ?? '', file: options.file },
    fixtures,
    tests,
    summary: { ...summary, verdict: summary.fail + summary.error > 0 ? 'fail' : 'pass' },
  };
}

/** Plain text: one line per assert, then the counts. */
export function renderTestScriptText(reports: TestScriptRunReport[]): string {
  const mark: Record<AssertOutcome, string> = { pass: 'PASS', fail: 'FAIL', warning: 'WARN', 'not-applicable': 'N/A ', error: 'ERR ' };
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.script.file}: ${r.script.title || r.script.name}`);
    for (const f of r.fixtures.filter((x) => x.missing)) lines.push(`  fixture ${f.id} missing (${f.reference}${f.file ? ` → ${f.file}` : ''})`);
    for (const t of r.tests) for (const a of t.asserts) {
      lines.push(`  ${mark[a.outcome]} ${t.name} #${a.action} ${a.kind}: ${a.description} — ${a.detail}${a.outcome === 'fail' || a.outcome === 'warning' ? `${a.actual !== undefined ? ` (found ${a.actual}, expected ${a.expected ?? ''})` : ''}` : ''}`);
      for (const i of a.issues ?? []) lines.push(`       ${i.ruleId} @ ${i.fhirpath}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`);
    }
    const s = r.summary;
    lines.push(`  ${s.verdict.toUpperCase()}: ${s.pass} passed, ${s.fail} failed, ${s.warning} warning(s), ${s['not-applicable']} not applicable offline, ${s.error} error(s)`);
  }
  return lines.join('\n') + '\n';
}

function xml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML: one test suite per TestScript, one test case per assert. Failed asserts are failures,
 * erred ones errors, not-applicable ones skipped; warnings pass with the finding in system-out.
 */
export function renderTestScriptJunit(reports: TestScriptRunReport[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = reports.flatMap((r) => r.tests.flatMap((t) => t.asserts));
  const count = (o: AssertOutcome, of: AssertResult[]): number => of.filter((a) => a.outcome === o).length;
  lines.push(`<testsuites name="medcom-ig testscript" tests="${all.length}" failures="${count('fail', all)}" errors="${count('error', all)}" skipped="${count('not-applicable', all)}">`);
  for (const r of reports) {
    const as = r.tests.flatMap((t) => t.asserts);
    lines.push(`  <testsuite name="${xml(r.script.id || r.script.name)}" tests="${as.length}" failures="${count('fail', as)}" errors="${count('error', as)}" skipped="${count('not-applicable', as)}">`);
    for (const t of r.tests) for (const a of t.asserts) {
      lines.push(`    <testcase classname="${xml(`${r.script.id}.${t.name}`)}" name="${xml(`#${a.action} ${a.kind}: ${a.description}`)}">`);
      const detail = [a.detail, ...(a.actual !== undefined ? [`found ${a.actual}, expected ${a.expected ?? ''}`] : []), ...(a.issues ?? []).map((i) => `${i.ruleId} ${i.fhirpath}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`)].join('\n');
      if (a.outcome === 'fail') lines.push(`      <failure type="assert" message="${xml(a.detail)}">${xml(detail)}</failure>`);
      else if (a.outcome === 'error') lines.push(`      <error type="assert" message="${xml(a.detail)}">${xml(detail)}</error>`);
      else if (a.outcome === 'not-applicable') lines.push(`      <skipped message="${xml(a.detail)}"/>`);
      else if (a.outcome === 'warning') lines.push(`      <system-out>${xml(`warning: ${detail}`)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
