import { xmlText as esc } from './xml-text.js';

/**
 * The one JUnit XML writer (validate, protocol runs, TestScript runs map their reports onto it).
 * Every text goes through `xmlText`: what XML 1.0 cannot carry is shown as `\uXXXX`, so the
 * output stays well-formed whatever a document or script holds.
 */

/** A `<failure>` or `<error>` of a test case: its type, a one-line message and an optional body. */
export interface JunitProblem {
  type: string;
  message: string;
  detail?: string;
}

export interface JunitCase {
  classname: string;
  name: string;
  /** The case failed (each one a `<failure>`). */
  failures?: JunitProblem[];
  /** The case could not be run (each one an `<error>`). */
  errors?: JunitProblem[];
  /** The case was skipped, with the reason (never counted as passed). */
  skipped?: string;
  systemOut?: string;
}

export interface JunitSuite {
  name: string;
  /** Suite `<properties>` (e.g. the standard and version validated against), in order. */
  properties?: [name: string, value: string][];
  cases: JunitCase[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(cases: JunitCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => (c.failures?.length ?? 0) > 0).length,
    errors: cases.filter((c) => (c.errors?.length ?? 0) > 0).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  };
}

function attrs(name: string, c: Counts): string {
  return `name="${esc(name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}

function problem(element: 'failure' | 'error', p: JunitProblem): string {
  const open = `<${element} type="${esc(p.type)}" message="${esc(p.message)}"`;
  return p.detail === undefined ? `${open}/>` : `${open}>${esc(p.detail)}</${element}>`;
}

/** `<testsuites name=…>` with one `<testsuite>` per suite; the counts are made from the cases. */
export function renderJunitXml(name: string, suites: JunitSuite[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites ${attrs(name, counts(suites.flatMap((s) => s.cases)))}>`);
  for (const suite of suites) {
    lines.push(`  <testsuite ${attrs(suite.name, counts(suite.cases))}>`);
    if (suite.properties?.length) {
      lines.push('    <properties>');
      for (const [k, v] of suite.properties) lines.push(`      <property name="${esc(k)}" value="${esc(v)}"/>`);
      lines.push('    </properties>');
    }
    for (const c of suite.cases) {
      lines.push(`    <testcase classname="${esc(c.classname)}" name="${esc(c.name)}">`);
      for (const f of c.failures ?? []) lines.push(`      ${problem('failure', f)}`);
      for (const e of c.errors ?? []) lines.push(`      ${problem('error', e)}`);
      if (c.skipped !== undefined) lines.push(`      <skipped message="${esc(c.skipped)}"/>`);
      if (c.systemOut !== undefined) lines.push(`      <system-out>${esc(c.systemOut)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
