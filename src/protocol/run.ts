/**
 * Runs a protocol on a vendor's evidence folder: each step's message evidence is validated
 * against the standard's Bundle profile (our validator, offline) and given the step's FHIRPath
 * asserts (fhirpath@5.2.0 through src/fhirpath, `resolve()` inside the Bundle), in protocol order
 * so that flow variables captured by one step are there for the next. Steps a machine cannot
 * decide are `manual`, with their text and evidence; they never count as passed.
 */
import type { Definitions } from '../defs/registry.js';
import { documentResolver } from '../fhir/references.js';
import { FhirPathRunner, type EvalVars } from '../fhirpath/runner.js';
import { targetLabel } from '../standards/igs.js';
import { protocolVersion } from './version.js';
import type { HeldTerminology } from '../validator/terminology/held.js';
import { newValidator, validationDefinitions } from '../standards/validation.js';
import { VERSION } from '../util/version.js';
import { UsageError } from '../util/errors.js';
import { readTextSafe } from '../util/fs-safe.js';
import type { SourceDoc } from '../validator/load/source.js';
import { InputError } from '../validator/load/source.js';
import { countBySeverity, type FileReport, type Issue } from '../validator/issue.js';
import type { Validator } from '../validator/validator.js';
import { readJson } from '../validator/load/json.js';
import { claimedProfiles } from '../validator/rules/business/index.js';
import type { BusinessPurpose } from '../validator/rules/business/context.js';
import { checkSequence, STEP_PURPOSE, type SequenceStep } from '../validator/rules/business/sequence.js';
import { IssueSink } from '../validator/context.js';
import { filedUnder, indexEvidence, medcomNames, type EvidenceFile, type EvidenceIndex } from './evidence.js';
import { SENTENCES } from './i18n.js';
import {
  allSteps,
  text,
  type BusinessCheck,
  type CheckDef,
  type Lang,
  type ProtocolDefinition,
  type SectionDef,
  type SequenceCheck,
  type StepDef,
} from './model.js';
import {
  STEP_STATUSES,
  type CheckFileResult,
  type CheckOutcome,
  type CheckResult,
  type ProtocolRunReport,
  type RunIssue,
  type SectionResult,
  type StepResult,
  type StepStatus,
  type SuggestedGrade,
  type VendorInfo,
} from './report-model.js';

export interface RunProtocolOptions {
  protocol: ProtocolDefinition;
  evidenceDir: string;
  mappingFile?: string;
  vendor?: VendorInfo;
  lang?: Lang;
  /** Printed in the report; nothing time-dependent is recorded without it. */
  generatedAt?: string;
  /** Definitions to validate with (default: our compiled IG packages). */
  definitions?: Definitions;
  /**
   * A version of the protocol's standard to validate against (`--ig hco@1.1.0-trial-use`); by default
   * the version the protocol tests when we build it, else the current one (src/protocol/version.ts).
   */
  ig?: string;
  /**
   * Code systems and value sets to check codes against besides the packages' (`validate --terminology`;
   * src/api/validate.ts loadTerminology): a code they do not define fails its step (terminology/unknown-code).
   */
  terminology?: HeldTerminology;
}

type Json = Record<string, unknown>;

/** One evidence message, read, parsed and validated once per run. */
interface Message {
  file: EvidenceFile;
  doc?: SourceDoc;
  /** Why it could not be parsed (then `report` holds the validator's input/unreadable issue). */
  parseError?: string;
  report: FileReport;
}

/** Per-run state: the validator, the messages read so far, the flow variables captured so far. */
class ProtocolRun {
  private readonly messages = new Map<string, Message>();
  private readonly vars = new Map<string, unknown[]>();
  private readonly fhirpath: FhirPathRunner;
  /** resolve() where the reference is made: `#id` in an entry is that entry's contained resource. */
  private readonly resolveIn = documentResolver();
  /** Business-rule reports, per file and purpose. */
  private readonly businessReports = new Map<string, FileReport>();

  constructor(
    private readonly evidence: EvidenceIndex,
    private readonly validator: Validator,
    private readonly profile: string,
    private readonly lang: Lang,
    /** Validates with the business rules only (the `business` and `sequence` checks; our local steps). */
    private readonly business: Validator,
    /** Step id → step number (the steps a sequence check names). */
    private readonly stepNumbers: Map<string, string>,
  ) {
    this.fhirpath = new FhirPathRunner({ resolve: (ref, vars, at) => this.resolveIn(vars.rootResource, ref, at) });
  }

  private message(file: EvidenceFile): Message {
    let m = this.messages.get(file.file);
    if (m) return m;
    // read again inside the evidence folder only (a file swapped for a link since indexing is refused)
    const content = readTextSafe(file.path, { root: this.evidence.dir });
    try {
      const doc = this.validator.parse(file.file, content);
      m = { file, doc, report: this.validator.validateDoc(doc, { profiles: [this.profile] }) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      m = { file, parseError: e.message, report: this.validator.validateText(file.file, content, { profiles: [this.profile] }) };
    }
    this.messages.set(file.file, m);
    return m;
  }

  /** Messages a step's checks read: filed under the step, or (input `section`) under any step of its section or the section itself. */
  private inputs(section: SectionDef, step: StepDef): { messages: EvidenceFile[]; evidence: EvidenceFile[] } {
    const numbers =
      step.input === 'section'
        ? [section.number, ...section.rows.filter((r): r is StepDef => r.type === 'step').map((r) => r.number)]
        : [step.number];
    const seen = new Set<string>();
    const all: EvidenceFile[] = [];
    for (const n of numbers)
      for (const f of filedUnder(this.evidence, n))
        if (!seen.has(f.file)) {
          seen.add(f.file);
          all.push(f);
        }
    const own = filedUnder(this.evidence, step.number);
    const messages = all.filter((f) => f.kind === 'message');
    // the Test data column: the step's own files, and the messages its checks read
    const shown = [...own, ...messages.filter((m) => !own.includes(m))];
    return { messages, evidence: shown };
  }

  runStep(section: SectionDef, step: StepDef, sectionMandatory: boolean): StepResult {
    const s = SENTENCES[this.lang];
    const notRelevant = step.notRelevant === true || section.notRelevant === true;
    const { messages, evidence } = this.inputs(section, step);
    const mark = step.local === true ? `${s.local} ` : '';
    const base: StepResult = {
      type: 'step',
      id: step.id,
      number: step.number,
      status: 'manual',
      automation: step.automation,
      local: step.local === true,
      optional: step.optional === true,
      notRelevant,
      mandatory: sectionMandatory && step.optional !== true && !notRelevant,
      action: text(step.action, this.lang),
      testDataHint: text(step.testData, this.lang),
      expectedResult: text(step.expectedResult, this.lang),
      evidence: evidence.map((f) => f.file),
      actualResult: '',
      checks: [],
      issues: [],
      captured: [],
    };
    if (notRelevant) return { ...base, status: 'not-relevant', actualResult: s.notRelevant, suggestedGrade: 'NOT_RELEVANT' };
    if (step.automation === 'manual' || !step.checks) {
      return {
        ...base,
        status: 'manual',
        actualResult: `${mark}${s.manual}${evidence.length ? ' ' + s.manualFiles(evidence.length) : ''}`,
      };
    }
    if (messages.length === 0) {
      return {
        ...base,
        status: 'no-evidence',
        actualResult: `${mark}${s.noEvidence}${evidence.length ? ' ' + s.otherFiles(evidence.length) : ''}`,
      };
    }
    const loaded = messages.map((f) => this.message(f));
    const issues: RunIssue[] = [];
    const checks = step.checks.map((c) => this.runCheck(c, loaded, issues));
    if (step.checks.some((c) => c.kind === 'validate')) {
      for (const m of loaded) for (const i of m.report.issues) issues.push(runIssue(m.file.file, i));
    }
    if (step.attributes && !step.checks.some((c) => c.kind === 'validate')) {
      const attributed = this.attributed(step.attributes, loaded);
      issues.push(...attributed);
      checks.push({
        id: `${step.id}.profile-findings`,
        kind: 'validate',
        description: `${SENTENCES[this.lang].attributed} ${step.attributes.join(', ')}`,
        outcome: countBySeverity(attributed).errors > 0 ? 'fail' : 'pass',
        expected: this.profile,
        files: loaded.map((m) => {
          const c = countBySeverity(attributed.filter((i) => i.file === m.file.file));
          return { file: m.file.file, outcome: c.errors > 0 ? 'fail' : 'pass', actual: SENTENCES[this.lang].counts(c.errors, c.warnings) };
        }),
      });
    }
    const captured = this.capture(step, loaded);
    const failed = checks.filter((c) => c.outcome === 'fail' || c.outcome === 'error').length;
    const warned = checks.filter((c) => c.outcome === 'warning').length;
    let status: StepStatus;
    let grade: SuggestedGrade | undefined;
    if (failed > 0) {
      status = 'failed';
      grade = step.suggestedOnFail ?? 'F2';
    } else if (step.automation === 'assisted') status = 'partial';
    else if (warned > 0) {
      status = 'warning';
      grade = 'F4';
    } else {
      status = 'passed';
      grade = 'OK';
    }
    const sentences: string[] = mark ? [s.local] : [];
    if (failed > 0) sentences.push(s.failed(failed, checks.length));
    else sentences.push(s.allPassed(checks.length, loaded.length));
    if (warned > 0) sentences.push(s.warnings(warned));
    if (step.checks.some((c) => c.kind === 'validate')) {
      const c = countBySeverity(issues);
      sentences.push(s.validationErrors(c.errors, c.warnings));
    }
    if (status === 'partial') sentences.push(s.partial);
    return { ...base, status, checks, issues, captured, actualResult: sentences.join(' '), ...(grade ? { suggestedGrade: grade } : {}) };
  }

  /** The validation findings of the messages on the given typed paths. */
  private attributed(attributes: string[], messages: Message[]): RunIssue[] {
    const patterns = attributes.map(attributePattern);
    const out: RunIssue[] = [];
    for (const m of messages) {
      const entries = ((m.doc?.value as Json | undefined)?.['entry'] as { resource?: Json }[] | undefined) ?? [];
      for (const i of m.report.issues) {
        if (i.severity === 'information') continue;
        const typed = typedPath(i.location.fhirpath, entries);
        if (!typed || !patterns.some((p) => p.test(typed))) continue;
        out.push(runIssue(m.file.file, i));
      }
    }
    return out;
  }

  private evalVars(doc: SourceDoc): EvalVars {
    const vars: EvalVars = { resource: doc.value, rootResource: doc.value };
    for (const [k, v] of this.vars) vars[k] = v;
    return vars;
  }

  private runCheck(check: CheckDef, messages: Message[], issues: RunIssue[]): CheckResult {
    const description = text(check.description, this.lang);
    if (check.kind === 'business') return this.runBusiness(check, description, messages, issues);
    if (check.kind === 'sequence') return this.runSequence(check, description, issues);
    if (check.kind === 'validate') {
      const files: CheckFileResult[] = messages.map((m) => {
        const { errors, warnings } = countBySeverity(m.report.issues);
        return { file: m.file.file, outcome: errors > 0 ? 'fail' : 'pass', actual: SENTENCES[this.lang].counts(errors, warnings) };
      });
      return { id: check.id, kind: 'validate', description, outcome: combine(files, 'each', false), expected: this.profile, files };
    }
    if (check.kind === 'maxBytes') {
      const files: CheckFileResult[] = messages.map((m) => ({
        file: m.file.file,
        outcome: m.file.size <= check.maxBytes ? 'pass' : 'fail',
        actual: SENTENCES[this.lang].bytes(m.file.size),
      }));
      return {
        id: check.id,
        kind: 'maxBytes',
        description,
        outcome: combine(files, 'each', false),
        expected: `≤ ${check.maxBytes} bytes`,
        files,
      };
    }
    const over = check.over ?? 'each';
    const missing = (check.uses ?? []).filter((v) => !this.vars.has(v));
    const files: CheckFileResult[] = messages.map((m) => {
      if (!m.doc) return { file: m.file.file, outcome: 'error', error: `the file could not be read: ${m.parseError ?? ''}` };
      if (missing.length)
        return {
          file: m.file.file,
          outcome: 'error',
          error: `no value for ${missing.map((v) => '%' + v).join(', ')}: the step that captures it had no evidence`,
        };
      try {
        const result = this.fhirpath.evaluate(
          m.doc.value,
          ((m.doc.value as Json | null)?.['resourceType'] as string) ?? 'Resource',
          check.expression,
          this.evalVars(m.doc),
        );
        const actual = show(result);
        let ok: boolean;
        if (check.operator) {
          const first = result.length === 1 ? String(plain(result[0])) : undefined;
          ok = check.operator === 'equals' ? first === check.value : first !== check.value;
        } else {
          ok = result.length === 1 && plain(result[0]) === true;
        }
        return { file: m.file.file, outcome: ok ? 'pass' : check.warningOnly ? 'warning' : 'fail', actual };
      } catch (e) {
        return { file: m.file.file, outcome: 'error', error: errorText(e) };
      }
    });
    const expected = check.operator ? `${check.operator === 'equals' ? '=' : '≠'} ${check.value ?? ''}` : 'true';
    return {
      id: check.id,
      kind: 'fhirpath',
      description,
      outcome: combine(files, over, check.warningOnly === true),
      expression: check.expression,
      expected,
      over,
      files,
    };
  }

  /** The business findings of a message checked for `purpose` (cached). */
  private businessReport(m: Message, purpose: BusinessPurpose): FileReport | undefined {
    if (!m.doc) return undefined;
    const key = `${m.file.file}\u0000${purpose}`;
    let r = this.businessReports.get(key);
    if (!r) {
      // a document that names no profile is taken as the standard's (its Bundle profile); one that names a profile, as that
      const profiles = claimedProfiles(m.doc.value).length > 0 ? [] : [this.profile];
      r = this.business.validateDoc(m.doc, { profiles, purpose });
      this.businessReports.set(key, r);
    }
    return r;
  }

  /** Compare business findings (per file) with what the check expects; push them as the step's issues. */
  private judgeRules(
    check: BusinessCheck | SequenceCheck,
    found: { file: string; report: FileReport; synthetic?: boolean }[],
    issues: RunIssue[],
  ): { files: CheckFileResult[]; missing: string[] } {
    const absent = new Set(check.absent ?? []);
    const seen = new Set<string>();
    const files: CheckFileResult[] = found.map(({ file, report, synthetic }) => {
      const ids = [...new Set(report.issues.map((i) => i.ruleId))];
      for (const id of ids) seen.add(id);
      // a sequence's manifest is made by the run, not a file of the evidence: its findings have a place (steps[i]), no line
      for (const i of report.issues) issues.push(runIssue(file, i, { constraintKey: false, position: synthetic !== true }));
      const bad = ids.filter((id) => absent.has(id));
      return {
        file,
        outcome: bad.length > 0 ? 'fail' : 'pass',
        actual: ids.length > 0 ? ids.join(', ') : SENTENCES[this.lang].noBusinessFinding,
      };
    });
    return { files, missing: (check.present ?? []).filter((id) => !seen.has(id)) };
  }

  private expectedRules(check: BusinessCheck | SequenceCheck): string {
    const s = SENTENCES[this.lang];
    return [
      check.absent?.length ? `${s.absent}: ${check.absent.join(', ')}` : '',
      check.present?.length ? `${s.present}: ${check.present.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }

  private runBusiness(check: BusinessCheck, description: string, messages: Message[], issues: RunIssue[]): CheckResult {
    const purpose = check.purpose ?? 'sharing';
    const unreadable = messages.filter((m) => !m.doc);
    const { files, missing } = this.judgeRules(
      check,
      messages.flatMap((m) => {
        const report = this.businessReport(m, purpose);
        return report ? [{ file: m.file.file, report }] : [];
      }),
      issues,
    );
    for (const m of unreadable)
      files.push({ file: m.file.file, outcome: 'error', error: `the file could not be read: ${m.parseError ?? ''}` });
    if (missing.length > 0) files.push({ file: '*', outcome: 'fail', actual: `${SENTENCES[this.lang].notDrawn}: ${missing.join(', ')}` });
    return {
      id: check.id,
      kind: 'business',
      description,
      outcome: combine(files, 'each', false),
      expected: `${this.expectedRules(check)} (${purpose})`,
      files,
    };
  }

  /** The messages of the named steps as a sequence of uploads, checked by the sequence rules (src/validator/rules/business/sequence.ts). */
  private runSequence(check: SequenceCheck, description: string, issues: RunIssue[]): CheckResult {
    const s = SENTENCES[this.lang];
    const expected = this.expectedRules(check);
    const steps: SequenceStep[] = [];
    const found: { file: string; report: FileReport }[] = [];
    const manifestSteps: { action: string; step: string; files: string[] }[] = [];
    for (const [index, item] of check.sequence.entries()) {
      const number = this.stepNumbers.get(item.step) ?? item.step;
      const files = filedUnder(this.evidence, number).filter(
        (f) =>
          f.kind === 'message' &&
          (item.letter === undefined ||
            f.targets.some((t) => t.number === number && t.letter?.toUpperCase() === item.letter!.toUpperCase())),
      );
      if (files.length === 0) {
        return {
          id: check.id,
          kind: 'sequence',
          description,
          outcome: 'error',
          expected,
          files: [
            {
              file: `${number}${item.letter ? ` ${item.letter}` : ''}`,
              outcome: 'error',
              error: s.noSequenceEvidence(index + 1, item.action, number, item.letter),
            },
          ],
        };
      }
      const resources: SequenceStep['resources'] = [];
      for (const f of files) {
        const m = this.message(f);
        const report = this.businessReport(m, STEP_PURPOSE[item.action]);
        if (!m.doc || !report)
          return {
            id: check.id,
            kind: 'sequence',
            description,
            outcome: 'error',
            expected,
            files: [{ file: f.file, outcome: 'error', error: `the file could not be read: ${m.parseError ?? ''}` }],
          };
        found.push({ file: f.file, report });
        resources.push({ file: f.file, value: m.doc.value });
      }
      steps.push({ index, action: item.action, resources });
      manifestSteps.push({ action: item.action, step: number, files: files.map((f) => f.file) });
    }
    // the sequence's findings are located in a manifest of it (steps[i]), named after the check
    const name = `${check.id}.sequence.json`;
    const manifest = readJson(name, JSON.stringify({ steps: manifestSteps }, null, 2));
    const sink = new IssueSink(manifest, this.lang, false);
    checkSequence(steps, sink);
    const sequenceReport: FileReport = { file: name, valid: !sink.hasErrors, profiles: [], issues: sink.issues };
    const { files, missing } = this.judgeRules(check, [{ file: name, report: sequenceReport, synthetic: true }, ...found], issues);
    if (missing.length > 0) files.push({ file: '*', outcome: 'fail', actual: `${s.notDrawn}: ${missing.join(', ')}` });
    return { id: check.id, kind: 'sequence', description, outcome: combine(files, 'each', false), expected, files };
  }

  private capture(step: StepDef, messages: Message[]): { name: string; value: string }[] {
    const out: { name: string; value: string }[] = [];
    const first = messages.find((m) => m.doc);
    if (!first?.doc) return out;
    for (const c of step.captures ?? []) {
      try {
        const value = this.fhirpath.evaluate(first.doc.value, 'Bundle', c.expression, this.evalVars(first.doc)).map(plain);
        this.vars.set(c.name, value);
        out.push({ name: c.name, value: show(value) });
      } catch (e) {
        out.push({ name: c.name, value: `(${errorText(e)})` });
      }
    }
    return out;
  }
}

/**
 * A validator finding as a step's issue, in `file`: rule id, severity, message, FHIRPath, and (unless
 * left out) the constraint key and the line and column.
 */
function runIssue(file: string, i: Issue, keep: { constraintKey?: boolean; position?: boolean } = {}): RunIssue {
  const position = keep.position !== false;
  return {
    file,
    severity: i.severity,
    ruleId: i.ruleId,
    message: i.message,
    fhirpath: i.location.fhirpath,
    ...(keep.constraintKey !== false && i.constraintKey ? { constraintKey: i.constraintKey } : {}),
    ...(position && i.location.line !== undefined ? { line: i.location.line } : {}),
    ...(position && i.location.column !== undefined ? { column: i.location.column } : {}),
  };
}

/** A typed path (`Observation.value[x]`) as a prefix pattern over typed paths without indexes. */
export function attributePattern(attribute: string): RegExp {
  const body = attribute
    .split('[x]')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?:[A-Z][A-Za-z]*)?');
  return new RegExp(`^${body}(?:$|\\.)`);
}

/**
 * `Bundle.entry[2].resource.performer[1].reference` → `DiagnosticReport.performer.reference`: the
 * entry's resource type in place of the entry, list indexes dropped. Paths outside the entries stay
 * as they are (`Bundle.timestamp`).
 */
export function typedPath(fhirpath: string, entries: { resource?: Json }[]): string | undefined {
  const m = /^Bundle\.entry\[(\d+)\]\.resource(.*)$/.exec(fhirpath);
  let path = fhirpath;
  if (m) {
    const type = entries[Number(m[1])]?.resource?.['resourceType'];
    if (typeof type !== 'string') return undefined;
    path = type + m[2];
  }
  return path.replace(/\[\d+\]/g, '');
}

/** The first line of whatever an evaluation threw (fhirpath.js does not always throw Errors). */
function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e));
  return (m.split('\n')[0] ?? '') || 'evaluation failed';
}

function plain(v: unknown): unknown {
  if (v && typeof v === 'object' && 'data' in (v as Json) && '__path__' in (v as Json)) return (v as Json)['data'];
  return v;
}

function show(result: unknown[]): string {
  const s = JSON.stringify(result.map(plain));
  return s.length > 200 ? s.slice(0, 197) + '…' : s;
}

function combine(files: CheckFileResult[], over: 'each' | 'any', warningOnly: boolean): CheckOutcome {
  if (files.length === 0) return 'error';
  if (over === 'any') {
    if (files.some((f) => f.outcome === 'pass')) return 'pass';
    if (files.some((f) => f.outcome === 'error') && !files.some((f) => f.outcome === 'fail' || f.outcome === 'warning')) return 'error';
    return warningOnly ? 'warning' : 'fail';
  }
  if (files.some((f) => f.outcome === 'error')) return 'error';
  if (files.some((f) => f.outcome === 'fail')) return 'fail';
  if (files.some((f) => f.outcome === 'warning')) return 'warning';
  return 'pass';
}

/** Run a protocol on an evidence folder and return the canonical report. */
export async function runProtocol(options: RunProtocolOptions): Promise<ProtocolRunReport> {
  const { protocol } = options;
  const lang = options.lang ?? 'en';
  const evidence = indexEvidence(protocol, options.evidenceDir, options.mappingFile);
  const defs = options.definitions ?? (await validationDefinitions());
  // the version the protocol tests when this build has it (or the one pinned), else the current one
  const { target: ig, note: checkedNote } = protocolVersion(protocol.standard, options.ig, (label) => {
    const [id, version] = label.split('#') as [string, string];
    return defs.getPackage(id, version) !== undefined;
  });
  if (!defs.getPackage(ig.packageId, ig.version)) throw new UsageError(`${targetLabel(ig)} is not available in this build`);
  const { readXml } = await import('../validator/load/xml.js');
  // the protocol's steps are decided by conformance to the profiles (rules: official); only steps marked local
  // (business and sequence checks) are decided by our business rules
  const validator = newValidator(defs, {
    scopeProfile: ig.bundleProfile,
    locale: lang,
    readXml,
    rules: 'official',
    ...(options.terminology ? { terminology: options.terminology } : {}),
  });
  // our local steps (business and sequence checks) are decided by the business rules, each document in its standard's scope
  const business = newValidator(defs, { locale: lang, readXml, rules: 'business' });
  const stepNumbers = new Map(allSteps(protocol).map(({ step }) => [step.id, step.number]));
  const run = new ProtocolRun(evidence, validator, ig.bundleProfile, lang, business, stepNumbers);

  const useCaseMandatory = new Map(protocol.useCases.map((u) => [u.id, u.mandatory !== 'O' && u.notRelevant !== true]));
  const sections: SectionResult[] = protocol.sections.map((section) => {
    const mandatory = section.useCase ? useCaseMandatory.get(section.useCase) === true : true;
    return {
      number: section.number,
      title: text(section.title, lang),
      purpose: text(section.purpose, lang),
      ...(section.useCase ? { useCase: section.useCase } : {}),
      notRelevant: section.notRelevant === true,
      rows: section.rows.map((row) =>
        row.type === 'group'
          ? { type: 'group' as const, text: text(row.text, lang), notRelevant: row.notRelevant === true }
          : run.runStep(section, row, mandatory),
      ),
    };
  });

  const steps = sections.flatMap((s) => s.rows.filter((r): r is StepResult => r.type === 'step'));
  const byStatus = Object.fromEntries(STEP_STATUSES.map((st) => [st, steps.filter((s) => s.status === st).length])) as Record<
    StepStatus,
    number
  >;
  const failedSteps = steps.filter((s) => s.status === 'failed').map((s) => s.number);
  const missingEvidence = steps.filter((s) => s.status === 'no-evidence' && s.mandatory).map((s) => s.number);
  // each finding once, however many steps list it
  const counted = new Map<string, RunIssue>();
  for (const s of steps)
    for (const i of s.issues) {
      const key = `${i.file}\u0000${i.ruleId}\u0000${i.fhirpath}\u0000${i.message}`;
      if (!counted.has(key)) counted.set(key, i);
    }
  const c = countBySeverity([...counted.values()]);
  const issues = { error: c.errors, warning: c.warnings, information: c.information };
  const vendor = options.vendor ?? {};
  const archiveNames = medcomNames(protocol, evidence);
  return {
    schema: 'medcom-test-report/1',
    generator: { name: 'medcom-ig', version: VERSION },
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    lang,
    protocol: {
      id: protocol.id,
      title: text(protocol.title, lang),
      direction: protocol.direction,
      status: protocol.status,
      version: protocol.protocolVersion,
      date: protocol.protocolDate,
      source: protocol.source,
      standard: {
        name: protocol.standard.name,
        nameEn: protocol.standard.nameEn,
        nameDa: protocol.standard.nameDa,
        version: protocol.standard.version,
        type: protocol.standard.type,
        targets: protocol.standard.targets,
        checkedVersion: ig.version,
        checkedPackage: targetLabel(ig),
        checkedNote,
        profile: ig.bundleProfile,
        versionNote: protocol.standard.versionNote ?? '',
      },
      versioning: protocol.versioning,
      prerequisites: protocol.prerequisites.map((p) => text(p, lang)),
      evidenceNaming: protocol.evidenceNaming.pattern.replace('{standard}', protocol.standard.name),
      useCaseSection: {
        number: protocol.useCaseSection.number,
        title: text(protocol.useCaseSection.title, lang),
        purpose: text(protocol.useCaseSection.purpose, lang),
      },
      useCases: protocol.useCases.map((u) => ({
        id: u.id,
        description: text(u.description, lang),
        section: u.section ?? '',
        mandatory: u.mandatory ?? '',
        notRelevant: u.notRelevant === true,
      })),
    },
    vendor,
    testType: vendor.testType ?? 'self-test',
    testResult: { testDate: '', testLocation: '', approved: null, remarks: '', carriedOutBy: '' },
    environment: {
      validator: `medcom-ig ${VERSION}`,
      profile: ig.bundleProfile,
      terminology: 'local, offline (the value sets of the compiled packages)',
    },
    evidence: {
      dir: options.evidenceDir,
      ...(evidence.mappingFile ? { mappingFile: evidence.mappingFile } : {}),
      archive: `${protocol.standard.name}_selftest.zip`,
      files: evidence.files.map((f) => ({
        file: f.file,
        kind: f.kind,
        size: f.size,
        sha256: f.sha256,
        filedUnder: [...new Set(f.targets.map((t) => t.number))],
        by: [...new Set(f.targets.map((t) => t.by))],
        archiveName: archiveNames.get(f.file) ?? f.file,
      })),
      unmatched: evidence.unmatched,
    },
    sections,
    summary: {
      byStatus,
      verdict:
        failedSteps.length > 0
          ? 'fail'
          : missingEvidence.length > 0
            ? 'incomplete'
            : steps.some((s) => s.automation !== 'manual' && !s.notRelevant)
              ? 'pass'
              : 'manual',
      failedSteps,
      missingEvidence,
      issues,
    },
  };
}
