/**
 * Loading protocol definitions from `test-protocols/`: each `<id>.json` is checked against
 * `protocol.schema.json` (ajv) and then for what a schema cannot say — unique step ids and
 * numbers, use cases and step references that exist, flow variables captured before they are
 * used, FHIRPath that compiles.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { fhirpathJs } from '../fhirpath/library.js';
import { UsageError } from '../util/errors.js';
import { readTextSafe } from '../util/fs-safe.js';
import { RULES } from '../validator/rules/registry.js';
import { allSteps, type ProtocolDefinition } from './model.js';

export const SCHEMA_FILE = 'protocol.schema.json';

/** `test-protocols/` of this installation: the first ancestor of this module that has one. */
export function protocolsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'test-protocols');
    if (existsSync(join(candidate, SCHEMA_FILE))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('test-protocols/ was not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** A protocol file that breaks the schema or the rules around it. */
export class ProtocolDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`);
    this.name = 'ProtocolDefinitionError';
  }
}

/** Loads, checks and caches protocol definitions of one folder (one instance per run; no globals). */
export class ProtocolLibrary {
  private readonly validateSchema: ValidateFunction;
  private readonly cache = new Map<string, ProtocolDefinition>();

  constructor(readonly dir: string = protocolsDir()) {
    const schema = JSON.parse(readTextSafe(join(dir, SCHEMA_FILE))) as object;
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    this.validateSchema = ajv.compile(schema);
  }

  /** The protocol ids in the folder (file names without `.json`), sorted. */
  ids(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
      .map((f) => f.slice(0, -5))
      .sort();
  }

  /** A protocol by id; an unknown id is a usage error naming the known ones. */
  get(id: string): ProtocolDefinition {
    const hit = this.cache.get(id);
    if (hit) return hit;
    if (!this.ids().includes(id)) throw new UsageError(`unknown protocol '${id}' (known: ${this.ids().join(', ')})`);
    const protocol = this.loadFile(join(this.dir, `${id}.json`));
    if (protocol.id !== id) throw new ProtocolDefinitionError(`${id}.json`, [`id is '${protocol.id}', the file name says '${id}'`]);
    this.cache.set(id, protocol);
    return protocol;
  }

  all(): ProtocolDefinition[] {
    return this.ids().map((id) => this.get(id));
  }

  /** Read (safely: a regular file, size-capped) and check one protocol file; unreadable or not JSON is a ProtocolDefinitionError. */
  loadFile(file: string): ProtocolDefinition {
    let data: unknown;
    try {
      data = JSON.parse(readTextSafe(file));
    } catch (e) {
      throw new ProtocolDefinitionError(file, [(e as Error).message]);
    }
    return this.check(data, file);
  }

  /** Check a parsed definition: the schema first, then the cross-references. */
  check(data: unknown, file = '<protocol>'): ProtocolDefinition {
    if (!this.validateSchema(data)) {
      throw new ProtocolDefinitionError(file, (this.validateSchema.errors ?? []).map(formatAjvError));
    }
    const protocol = data as ProtocolDefinition;
    const problems = crossCheck(protocol);
    if (problems.length > 0) throw new ProtocolDefinitionError(file, problems);
    return protocol;
  }
}

function formatAjvError(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params['allowedValues'] as unknown[]).join(', ')})` : ''}`;
}

function crossCheck(p: ProtocolDefinition): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const numbers = new Set<string>();
  const checkIds = new Set<string>();
  const captured = new Set<string>();
  const useCases = new Set(p.useCases.map((u) => u.id));
  const steps = allSteps(p);
  const stepIds = new Set(steps.map((s) => s.step.id));
  for (const s of p.sections) {
    if (s.useCase && !useCases.has(s.useCase)) problems.push(`section ${s.number}: use case '${s.useCase}' is not in the use-case table`);
  }
  for (const u of p.useCases) {
    if (u.section && !p.sections.some((s) => s.number === u.section))
      problems.push(`use case ${u.id}: section ${u.section} does not exist`);
  }
  for (const { section, step } of steps) {
    if (ids.has(step.id)) problems.push(`step id '${step.id}' is used twice`);
    ids.add(step.id);
    if (numbers.has(step.number)) problems.push(`step number ${step.number} is used twice`);
    numbers.add(step.number);
    if (!step.number.startsWith(section.number + '.'))
      problems.push(`step ${step.number} is not numbered under its section ${section.number}`);
    if (!step.id.startsWith(p.id + '.')) problems.push(`step id '${step.id}' does not start with the protocol id '${p.id}.'`);
    for (const r of step.refersTo ?? []) if (!stepIds.has(r)) problems.push(`step ${step.number}: refers to unknown step '${r}'`);
    for (const c of step.checks ?? []) {
      if (checkIds.has(c.id)) problems.push(`check id '${c.id}' is used twice`);
      checkIds.add(c.id);
      if (c.kind === 'business' || c.kind === 'sequence') {
        // our local rules: the step says so, and names rules the business layer has
        if (step.local !== true)
          problems.push(
            `step ${step.number}, check ${c.id}: a ${c.kind} check decides by our local business rules; the step must say "local": true`,
          );
        for (const r of [...(c.absent ?? []), ...(c.present ?? [])]) {
          const rule = (RULES as Record<string, { layer: string }>)[r];
          if (!rule || rule.layer !== 'business') problems.push(`step ${step.number}, check ${c.id}: '${r}' is not a business rule id`);
        }
        for (const r of c.present ?? [])
          if ((c.absent ?? []).includes(r)) problems.push(`step ${step.number}, check ${c.id}: '${r}' is both absent and present`);
        if (c.kind === 'sequence')
          for (const item of c.sequence)
            if (!stepIds.has(item.step))
              problems.push(`step ${step.number}, check ${c.id}: the sequence names unknown step '${item.step}'`);
        continue;
      }
      if (c.kind !== 'fhirpath') continue;
      for (const v of c.uses ?? []) {
        if (!captured.has(v)) problems.push(`step ${step.number}, check ${c.id}: variable %${v} is not captured by an earlier step`);
      }
      const vars = new RegExp(`%(\\w+)`, 'g');
      for (const m of c.expression.matchAll(vars)) {
        const v = m[1]!;
        if (!['resource', 'rootResource', 'ucum', 'context'].includes(v) && !(c.uses ?? []).includes(v)) {
          problems.push(`step ${step.number}, check ${c.id}: %${v} is used but not declared in 'uses'`);
        }
      }
      const compileError = compiles(c.expression);
      if (compileError) problems.push(`step ${step.number}, check ${c.id}: FHIRPath does not compile: ${compileError}`);
    }
    if (step.local === true && !(step.checks ?? []).some((c) => c.kind === 'business' || c.kind === 'sequence')) {
      problems.push(`step ${step.number}: "local" is for steps our business rules decide (a business or sequence check)`);
    }
    for (const cap of step.captures ?? []) {
      const compileError = compiles(cap.expression);
      if (compileError) problems.push(`step ${step.number}, capture ${cap.name}: FHIRPath does not compile: ${compileError}`);
      captured.add(cap.name);
    }
  }
  return problems;
}

function compiles(expression: string): string | undefined {
  try {
    const { fhirpath, r4 } = fhirpathJs();
    fhirpath.compile({ base: 'Bundle', expression }, r4);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}
