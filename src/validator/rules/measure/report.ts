/**
 * A MeasureReport against its Measure, as the HL7 validator checks it: each reported group, population
 * and stratifier names (by its code) one the Measure defines, once; a complete report leaves none of the
 * Measure's groups and populations out; subjects are listed only in a `subject-list` report, and there as
 * many as its count says; a `cohort` measure (and a data collection) has no measureScore, and a complete
 * proportion, ratio or continuous-variable report has one per group.
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';

export interface MeasureDeps {
  /**
   * The resource of `resourceType` a canonical names: contained (`#id`), an entry of the Bundle the
   * resource is in, or a loaded definition (a `--package` folder's Measure or Library).
   */
  canonical: (canonical: string, resourceType: string) => Json | undefined;
  /** The resource a reference names, when it is in the file (contained or in the Bundle). */
  reference: (reference: string) => Json | undefined;
}

const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const MEASURE_POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';
const MEASURE_SCORING = 'http://terminology.hl7.org/CodeSystem/measure-scoring';

/** Whether two CodeableConcepts mean the same: a coding in common (code, and system where both give one), or the same text. */
export function sameConcept(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  for (const ca of objects(a['coding'])) {
    for (const cb of objects(b['coding'])) {
      const code = str(ca['code']);
      if (code === undefined || code !== str(cb['code'])) continue;
      const sa = str(ca['system']);
      const sb = str(cb['system']);
      if (sa === undefined || sb === undefined || sa === sb) return true;
    }
  }
  const ta = str(a['text']);
  return ta !== undefined && ta === str(b['text']);
}

/** How a CodeableConcept reads in a message: its first coding (system|code), or its text, or ''. */
export function conceptText(cc: unknown): string {
  if (!isObject(cc)) return '';
  const c = objects(cc['coding'])[0];
  if (c) {
    const code = str(c['code']) ?? '';
    const system = str(c['system']);
    return system ? `${system}#${code}` : code;
  }
  return str(cc['text']) ?? '';
}

/** The Measure's scoring code (measure-scoring), or undefined. */
function scoringOf(measure: Json): string | undefined {
  const scoring = measure['scoring'];
  if (!isObject(scoring)) return undefined;
  const codings = objects(scoring['coding']);
  const c = codings.find((x) => str(x['system']) === MEASURE_SCORING) ?? codings.find((x) => str(x['system']) === undefined);
  return c ? str(c['code']) : undefined;
}

export function checkMeasureReport(report: Json, where: Where, sink: IssueSink, deps: MeasureDeps): void {
  const canonical = str(report['measure']);
  if (canonical === undefined) return;
  const measure = deps.canonical(canonical, 'Measure');
  if (!measure) {
    sink.report('measure/unknown-measure', child(where, 'measure'), { measure: canonical });
    return;
  }
  const mGroups = objects(measure['group']);
  if (mGroups.length === 0) return;
  const ctx: ReportContext = {
    report,
    measure,
    complete: str(report['status']) === 'complete',
    type: str(report['type']),
    scoring: scoringOf(measure),
    sink,
    deps,
  };
  const rawGroups = Array.isArray(report['group']) ? (report['group'] as unknown[]) : [];
  const rGroups: { g: Json; i: number }[] = [];
  rawGroups.forEach((g, i) => {
    if (isObject(g)) rGroups.push({ g, i });
  });
  if (rGroups.length === 1 && mGroups.length === 1) {
    // one group on each side: they are the same group (usually both without a code)
    const { g, i } = rGroups[0]!;
    const w = child(where, 'group', i);
    const mg = mGroups[0]!;
    if (isObject(g['code']) && isObject(mg['code']) && !sameConcept(g['code'], mg['code'])) {
      sink.report('measure/report-unmatched', w, { part: 'group', code: conceptText(g['code']) });
    }
    checkGroup(ctx, g, mg, w);
    return;
  }
  const matched = new Set<Json>();
  for (const { g, i } of rGroups) {
    const w = child(where, 'group', i);
    const mg = isObject(g['code']) ? mGroups.find((m) => sameConcept(g['code'], m['code'])) : undefined;
    if (!mg) {
      sink.report('measure/report-unmatched', w, { part: 'group', code: conceptText(g['code']) });
      continue;
    }
    if (matched.has(mg)) {
      sink.report('measure/report-unmatched', w, { part: 'group', code: conceptText(g['code']) });
      continue;
    }
    matched.add(mg);
    checkGroup(ctx, g, mg, w);
  }
  if (ctx.complete && ctx.type !== 'data-collection') {
    for (const mg of mGroups) {
      if (!matched.has(mg)) sink.report('measure/report-missing', where, { part: 'group', code: conceptText(mg['code']) });
    }
  }
}

interface ReportContext {
  report: Json;
  measure: Json;
  /** status = complete (a pending or error report may leave parts out). */
  complete: boolean;
  type: string | undefined;
  scoring: string | undefined;
  sink: IssueSink;
  deps: MeasureDeps;
}

function checkGroup(ctx: ReportContext, g: Json, mg: Json, w: Where): void {
  checkPopulations(ctx, g, mg, w);
  checkScore(ctx, g, w);
  checkStratifiers(ctx, g, mg, w);
}

function checkPopulations(ctx: ReportContext, g: Json, mg: Json, w: Where): void {
  const mPops = objects(mg['population']);
  const matched = new Set<Json>();
  const pops = Array.isArray(g['population']) ? (g['population'] as unknown[]) : [];
  pops.forEach((p, i) => {
    if (!isObject(p)) return;
    const pw = child(w, 'population', i);
    const mp = isObject(p['code']) ? mPops.find((m) => sameConcept(p['code'], m['code'])) : undefined;
    if (!mp || matched.has(mp)) {
      ctx.sink.report('measure/report-unmatched', pw, { part: 'population', code: conceptText(p['code']) });
      return;
    }
    matched.add(mp);
    checkSubjects(ctx, p, pw);
  });
  if (!ctx.complete || ctx.type === 'data-collection') return;
  for (const mp of mPops) {
    const code = mp['code'];
    // a measure-observation population is not counted in a report
    const observation =
      isObject(code) && objects(code['coding']).some((c) => c['system'] === MEASURE_POPULATION && c['code'] === 'measure-observation');
    if (!matched.has(mp) && !observation) ctx.sink.report('measure/report-missing', w, { part: 'population', code: conceptText(code) });
  }
}

/** The subjects a population lists, when that can be told: the entries of a List it names in the file, or one subject named directly. */
function listedSubjects(ctx: ReportContext, results: Json): number | undefined {
  const ref = str(results['reference']);
  if (ref === undefined) return undefined;
  const target = ctx.deps.reference(ref);
  if (target) return target['resourceType'] === 'List' ? objects(target['entry']).length : 1;
  const type = /^(?:.*\/)?([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[^/]+)?$/.exec(ref)?.[1];
  return type !== undefined && type !== 'List' ? 1 : undefined;
}

function checkSubjects(ctx: ReportContext, p: Json, pw: Where): void {
  const results = p['subjectResults'];
  if (!isObject(results)) return;
  const rw = child(pw, 'subjectResults');
  if (ctx.type !== 'subject-list') {
    ctx.sink.report('measure/report-subject-list', rw, { type: ctx.type ?? '' });
    return;
  }
  const count = p['count'];
  if (typeof count !== 'number') return;
  const subjects = listedSubjects(ctx, results);
  if (subjects !== undefined && subjects !== count) ctx.sink.report('measure/report-subjects', rw, { count, subjects });
}

function checkScore(ctx: ReportContext, g: Json, w: Where): void {
  const score = g['measureScore'];
  if (ctx.type === 'data-collection' || ctx.scoring === 'cohort') {
    if (score !== undefined) {
      ctx.sink.report('measure/report-score', child(w, 'measureScore'), {
        scoring: ctx.type === 'data-collection' ? 'data-collection' : 'cohort',
      });
    }
    return;
  }
  if (!isObject(score)) return;
  if (ctx.scoring === 'proportion') {
    const value = score['value'];
    if (typeof value !== 'number') return;
    const max = str(score['code']) === '%' ? 100 : 1;
    if (value < 0 || value > max) ctx.sink.report('measure/report-score', child(w, 'measureScore'), { scoring: 'proportion' });
  }
}

function checkStratifiers(ctx: ReportContext, g: Json, mg: Json, w: Where): void {
  const mStrats = objects(mg['stratifier']);
  const strats = Array.isArray(g['stratifier']) ? (g['stratifier'] as unknown[]) : [];
  const matched = new Set<Json>();
  strats.forEach((s, i) => {
    if (!isObject(s)) return;
    const sw = child(w, 'stratifier', i);
    // MeasureReport.group.stratifier.code repeats: one of its codes names the Measure's stratifier
    const codes = objects(s['code']);
    const ms = mStrats.find((m) => codes.some((c) => sameConcept(c, m['code'])));
    if (!ms || matched.has(ms)) {
      ctx.sink.report('measure/report-unmatched', sw, { part: 'stratifier', code: codes.map(conceptText).join(', ') });
      return;
    }
    matched.add(ms);
  });
  if (!ctx.complete || ctx.type === 'data-collection') return;
  for (const ms of mStrats) {
    // a stratifier without a code cannot be reported so as to be recognised: that is the finding on the report's side
    if (!matched.has(ms) && isObject(ms['code']))
      ctx.sink.report('measure/report-missing', w, { part: 'stratifier', code: conceptText(ms['code']) });
  }
}
