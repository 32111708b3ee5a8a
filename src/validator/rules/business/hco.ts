/**
 * Business rules for MedCom HomeCareObservation 1.1.0 messages, from the clinical documentation
 * (Kommunale prøvesvar, Sundhedsfaglig dokumentation v1.0.1) where the profiles leave the element
 * optional (../shared/research/medcom-igs.md §5.1, §5.2 "Not enforced by the SD", §10.5):
 * a result has a sampling time, status final, the interpretation NI (results are not
 * reference-assessed), a code from the national analysis repertoire shown with its long name, and a
 * value of at most 12 characters.
 *
 * A report with the refused-consent label (`DiagnosticReport.meta.security` v3-Confidentiality `R`,
 * the profile's pattern) may go to the requesting GP — the message is addressed to the one party the
 * refusal still allows — but must not be in a sharing export: an export Bundle, on its own or inside
 * an HCO message, when the run's purpose is `sharing` (docs/rules/business/hco-restricted-shared.md).
 */
import { arrayOf, at, isObject, stringOf, type BusinessContext, type EntryResource } from './context.js';
import { pathSteps } from '../../load/source.js';

/** The national analysis repertoire: the NPU and MedCom (MCS) value sets of the standard's terminology. */
export const REPERTOIRE_VALUE_SETS: readonly string[] = [
  'http://medcomfhir.dk/ig/terminology/ValueSet/npu-observation-codes-valueset',
  'http://medcomfhir.dk/ig/terminology/ValueSet/medcom-observation-valueset',
];
export const INTERPRETATION_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-interpretation-codes';
export const MAX_RESULT_LENGTH = 12;
export const HCO_DIAGNOSTIC_REPORT =
  'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-diagnosticreport';
/** The refused-consent label of the HCO DiagnosticReport profile (its meta.security pattern). */
export const RESTRICTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' } as const;

export function checkHco(ctx: BusinessContext): void {
  if (ctx.exported)
    for (const report of ctx.entries) if (report.resource['resourceType'] === 'DiagnosticReport') checkRestricted(ctx, report);
  for (const obs of ctx.entries) {
    if (obs.resource['resourceType'] !== 'Observation') continue;
    checkSamplingTime(ctx, obs);
    checkStatus(ctx, obs);
    checkCode(ctx, obs);
    checkInterpretation(ctx, obs);
    checkLength(ctx, obs);
  }
}

/** A report with the refused-consent label in a sharing export. */
export function checkRestricted(ctx: BusinessContext, report: EntryResource): void {
  if (ctx.purpose !== 'sharing' || !ctx.exported) return;
  const meta = report.resource['meta'];
  arrayOf(isObject(meta) ? meta['security'] : undefined).forEach((label, k) => {
    if (isObject(label) && label['system'] === RESTRICTED.system && label['code'] === RESTRICTED.code) {
      ctx.sink.report('business/hco-restricted-shared', at(report.place, 'meta', 'security', k), {});
    }
  });
}

function checkSamplingTime(ctx: BusinessContext, obs: EntryResource): void {
  const has = Object.keys(obs.resource).some((k) => k.startsWith('effective') && obs.resource[k] !== null && obs.resource[k] !== undefined);
  if (!has) ctx.sink.report('business/hco-sampling-time', obs.place, {});
}

function checkStatus(ctx: BusinessContext, obs: EntryResource): void {
  const status = stringOf(obs.resource['status']);
  // no status at all: cardinality/min (official) reports it
  if (status !== undefined && status !== 'final') ctx.sink.report('business/hco-observation-final', at(obs.place, 'status'), { status });
}

/**
 * Is `system#code` in the repertoire, and with which long name? The validator's terminology answers
 * first. It leaves NPU undecided on purpose (`urn:oid:1.2.208.176.2.1` is the whole NPU
 * terminology wherever else it is bound), but the repertoire is not all of NPU: it is the code system
 * resource MedCom publishes under that url in the standard's terminology package (35 analyses in
 * 2.0.0-draft), so for what the terminology leaves open the value set's includes are read against
 * the CodeSystem resources of the package the value set comes from.
 */
function inRepertoire(
  ctx: BusinessContext,
  vs: string,
  system: string,
  code: string,
): { result: 'in' | 'not-in' | 'unknown'; display?: string; reason?: string } {
  const check = ctx.terminology.check(vs, system, code);
  if (check.result !== 'unknown') return { result: check.result, ...(check.display !== undefined ? { display: check.display } : {}) };
  // the value set as the validator resolves it, and the code systems of the same package (DK Core
  // also ships an `urn:oid:1.2.208.176.2.1` fragment, with English names, that is not the repertoire)
  const source = ctx.resolver.sources.find((src) => src.find(vs)?.resource.resourceType === 'ValueSet');
  const valueSet = source?.find(vs)?.resource as
    | {
        compose?: {
          include?: { system?: string; concept?: { code: string; display?: string }[]; filter?: unknown[]; valueSet?: unknown[] }[];
        };
      }
    | undefined;
  if (!source || !valueSet) return { result: 'unknown', reason: `value set ${vs} is not available` };
  for (const include of valueSet.compose?.include ?? []) {
    if (include.system !== system) continue;
    if (include.filter?.length || include.valueSet?.length) return { result: 'unknown', reason: check.reason ?? `${vs} uses filters` };
    if (include.concept?.length) {
      const c = include.concept.find((x) => x.code === code);
      if (c) return { result: 'in', ...(c.display !== undefined ? { display: c.display } : {}) };
      continue;
    }
    const hit = source.find(system);
    const cs =
      hit?.resource.resourceType === 'CodeSystem'
        ? (hit.resource as { content?: string; concept?: { code: string; display?: string }[] })
        : undefined;
    if (!cs?.concept) return { result: 'unknown', reason: check.reason ?? `code system ${system} is not in the package of ${vs}` };
    const c = cs.concept.find((x) => x.code === code);
    if (c) return { result: 'in', ...(c.display !== undefined ? { display: c.display } : {}) };
  }
  return { result: 'not-in' };
}

function checkCode(ctx: BusinessContext, obs: EntryResource): void {
  const code = obs.resource['code'];
  const codings = isObject(code) ? arrayOf(code['coding']) : [];
  const seen: string[] = [];
  let unknown: string | undefined;
  for (let k = 0; k < codings.length; k++) {
    const coding = codings[k];
    if (!isObject(coding)) continue;
    const system = stringOf(coding['system']);
    const value = stringOf(coding['code']);
    if (!system || !value) continue;
    seen.push(`${system}#${value}`);
    for (const vs of REPERTOIRE_VALUE_SETS) {
      const check = inRepertoire(ctx, vs, system, value);
      if (check.result === 'unknown') {
        unknown ??= `${vs}: ${check.reason ?? 'the value set cannot be expanded locally'}`;
        continue;
      }
      if (check.result !== 'in') continue;
      // in the repertoire: shown with its long name?
      const place = at(obs.place, 'code', 'coding', k);
      const display = stringOf(coding['display']);
      if (check.display === undefined) {
        ctx.sink.report('business/not-checked', place, {
          rule: 'business/hco-code-display',
          reason: `the code system gives no display for ${value}`,
        });
      } else if (display !== check.display) {
        ctx.sink.report('business/hco-code-display', at(obs.place, 'code', 'coding', k, ...(display === undefined ? [] : ['display'])), {
          code: value,
          display: display ?? '',
          expected: check.display,
        });
      }
      return;
    }
  }
  const place = at(obs.place, 'code');
  if (unknown !== undefined) {
    ctx.sink.report('business/not-checked', place, { rule: 'business/hco-code-repertoire', reason: unknown });
    return;
  }
  ctx.sink.report('business/hco-code-repertoire', place, {
    valueSets: REPERTOIRE_VALUE_SETS.map((u) => u.slice(u.lastIndexOf('/') + 1)).join(', '),
    codes: seen.length > 0 ? seen.join(', ') : 'no coding with a system and a code',
  });
}

function checkInterpretation(ctx: BusinessContext, obs: EntryResource): void {
  const interpretations = arrayOf(obs.resource['interpretation']);
  const ni = interpretations.some(
    (i) => isObject(i) && arrayOf(i['coding']).some((c) => isObject(c) && c['code'] === 'NI' && c['system'] === INTERPRETATION_SYSTEM),
  );
  if (!ni) ctx.sink.report('business/hco-interpretation-ni', interpretations.length > 0 ? at(obs.place, 'interpretation') : obs.place, {});
}

function checkLength(ctx: BusinessContext, obs: EntryResource): void {
  const s = obs.resource['valueString'];
  if (typeof s === 'string' && [...s].length > MAX_RESULT_LENGTH) {
    ctx.sink.report('business/hco-result-length', at(obs.place, 'valueString'), { value: s, length: [...s].length });
  }
  const q = obs.resource['valueQuantity'];
  if (isObject(q) && typeof q['value'] === 'number') {
    const place = at(obs.place, 'valueQuantity', 'value');
    // as written in the message (1.50 is four characters), not as the number reads back
    const text = ctx.doc.numberText(pathSteps(place.jsonPath)) ?? String(q['value']);
    if (text.length > MAX_RESULT_LENGTH) ctx.sink.report('business/hco-result-length', place, { value: text, length: text.length });
  }
}
