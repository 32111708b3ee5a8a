/**
 * Business rules for MedCom Notes 1.0.0 documents, from the IG text (not expressed by its profiles):
 * the note has visible text, is in the simplified HTML subset, and its times agree —
 * `Composition.date` is the last update, `event.period.start` and the Observation's
 * `effectiveDateTime` are the creation time (../shared/research/medcom-igs.md §3.2, §3.4).
 * MedCom's consumer test examples tec-invalidNoteMissing, -SwappedDates and -WrongFormatting are
 * profile-valid documents that break exactly these.
 */
import {
  arrayOf,
  at,
  cprOf,
  instant,
  isObject,
  resolveEntry,
  stringOf,
  type BusinessContext,
  type EntryResource,
  type Place,
} from './context.js';
import { readNoteHtml } from './note-html.js';
import type { Json } from '../../context.js';

export const NOTE_ATTACHMENT_EXTENSION = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-observation-value-attachment-extension';
/** Ours, not MedCom's (profiles/medcom-ig-local). */
export const LOCAL = 'https://medcom-ig.example/fhir/local';
export const PRIVATE_MARKING_EXTENSION = `${LOCAL}/StructureDefinition/gp-note-private-marking`;
export const CONSULTATION_TYPE_EXTENSION = `${LOCAL}/StructureDefinition/gp-note-consultation-type`;
export const CONSULTATION_TYPES = `${LOCAL}/ValueSet/gp-consultation-type`;

/** The Observations the Composition's section points to (all Observations of the Bundle when none resolves). */
export function noteObservations(entries: EntryResource[], composition: EntryResource): EntryResource[] {
  const out: EntryResource[] = [];
  for (const section of arrayOf(composition.resource['section'])) {
    if (!isObject(section)) continue;
    for (const ref of arrayOf(section['entry'])) {
      const hit = resolveEntry(entries, ref, composition);
      if (hit && hit.resource['resourceType'] === 'Observation' && !out.includes(hit)) out.push(hit);
    }
  }
  return out.length > 0 ? out : entries.filter((e) => e.resource['resourceType'] === 'Observation');
}

/** The patient of a Notes document (Composition.subject, else the first Patient) with its CPR number and where that is. */
export function documentPatient(entries: EntryResource[]): { cpr: string; place: Place } | undefined {
  const composition = entries.find((e) => e.index === 0 && e.resource['resourceType'] === 'Composition');
  const subject = composition ? resolveEntry(entries, composition.resource['subject'], composition) : undefined;
  const patient = subject?.resource['resourceType'] === 'Patient' ? subject : entries.find((e) => e.resource['resourceType'] === 'Patient');
  if (!patient) return undefined;
  const cpr = cprOf(patient.resource);
  if (cpr === undefined) return undefined;
  const k = arrayOf(patient.resource['identifier']).findIndex(
    (i) => isObject(i) && i['value'] === cpr && i['system'] === 'urn:oid:1.2.208.176.1.2',
  );
  return { cpr, place: at(patient.place, 'identifier', k, 'value') };
}

/** Our private marking on a Composition or note: whether `marked` is true, and `markedAt`. Undefined without the extension. */
export function privateMarking(resource: Json): { marked: boolean; markedAt?: string } | undefined {
  for (const ext of arrayOf(resource['extension'])) {
    if (!isObject(ext) || ext['url'] !== PRIVATE_MARKING_EXTENSION) continue;
    const subs = arrayOf(ext['extension']).filter(isObject);
    const markedAt = stringOf(subs.find((x) => x['url'] === 'markedAt')?.['valueDateTime']);
    return { marked: subs.find((x) => x['url'] === 'marked')?.['valueBoolean'] === true, ...(markedAt !== undefined ? { markedAt } : {}) };
  }
  return undefined;
}

export function checkNotes(ctx: BusinessContext): void {
  const composition = ctx.entries.find((e) => e.index === 0 && e.resource['resourceType'] === 'Composition');
  if (!composition) return; // bundle/first-entry (official) says what is wrong
  const observations = noteObservations(ctx.entries, composition);
  for (const obs of observations) checkNote(ctx, obs);
  checkTimes(ctx, composition, observations[0]);
  // the sharing rules: a Notes document for sharing (the default purpose) holds no privately marked
  // note; in an access-request export (aktindsigt) privately marked notes belong, and a record of the
  // note history (a sequence's mark-private step) is not handed over at all
  if (ctx.purpose === 'sharing') for (const holder of [composition, ...observations]) checkSharing(ctx, holder);
}

/**
 * A document for sharing, by our local extensions on the Composition or a note: no privately marked
 * note, only the four consultation kinds.
 */
function checkSharing(ctx: BusinessContext, holder: EntryResource): void {
  const extensions = arrayOf(holder.resource['extension']);
  let hasType = false;
  let hasMarking = false;
  extensions.forEach((ext, k) => {
    if (!isObject(ext)) return;
    const place = at(holder.place, 'extension', k);
    if (ext['url'] === PRIVATE_MARKING_EXTENSION) {
      hasMarking = true;
      const subs = arrayOf(ext['extension']).filter(isObject);
      const marked = subs.find((x) => x['url'] === 'marked')?.['valueBoolean'];
      const at_ = stringOf(subs.find((x) => x['url'] === 'markedAt')?.['valueDateTime']);
      if (marked === true) ctx.sink.report('business/notes-private-shared', place, { when: at_ !== undefined ? ` (${at_})` : '' });
    } else if (ext['url'] === CONSULTATION_TYPE_EXTENSION) {
      hasType = true;
      checkConsultationType(ctx, ext, place);
    }
  });
  // a note that uses our extensions but states no consultation type: the sharing rule cannot be decided
  if (hasMarking && !hasType && holder.resource['resourceType'] === 'Observation') {
    ctx.sink.report('business/not-checked', holder.place, {
      rule: 'business/notes-consultation-type',
      reason: 'the note carries a private marking but no consultation type',
    });
  }
}

/** Our consultation-type extension: its Coding is one of the four consultation kinds (business/notes-consultation-type). */
function checkConsultationType(ctx: BusinessContext, ext: Json, place: Place): void {
  const coding = isObject(ext['valueCoding']) ? ext['valueCoding'] : undefined;
  const system = stringOf(coding?.['system']);
  const code = stringOf(coding?.['code']);
  const shown = code === undefined ? 'none' : `${system ?? ''}#${code}`;
  if (!system || !code) {
    ctx.sink.report('business/notes-consultation-type', place, { code: shown });
    return;
  }
  const check = ctx.terminology.check(CONSULTATION_TYPES, system, code);
  if (check.result === 'not-in') ctx.sink.report('business/notes-consultation-type', at(place, 'valueCoding'), { code: shown });
  else if (check.result === 'unknown')
    ctx.sink.report('business/not-checked', at(place, 'valueCoding'), {
      rule: 'business/notes-consultation-type',
      reason: check.reason ?? `${CONSULTATION_TYPES} cannot be expanded`,
    });
}

/**
 * A GP note source record (our profile gp-note-source-bundle, the clinic system's upload to PLSP; not
 * MedCom's): each note has visible text in the simplified HTML subset, and states a consultation type
 * that is one of the four kinds — a note from anything else (an e-consultation, correspondence) is not a
 * journal note and is not uploaded for sharing. A private marking is allowed: the upload is not a share
 * (a Notes document made from a privately marked note and shared is business/notes-private-shared).
 */
export function checkSource(ctx: BusinessContext): void {
  for (const obs of ctx.entries.filter((e) => e.resource['resourceType'] === 'Observation')) {
    checkNote(ctx, obs);
    const k = arrayOf(obs.resource['extension']).findIndex((x) => isObject(x) && x['url'] === CONSULTATION_TYPE_EXTENSION);
    if (k < 0) ctx.sink.report('business/notes-consultation-type', obs.place, { code: 'none' });
    else checkConsultationType(ctx, arrayOf(obs.resource['extension'])[k] as Json, at(obs.place, 'extension', k));
  }
}

function checkNote(ctx: BusinessContext, obs: EntryResource): void {
  arrayOf(obs.resource['extension']).forEach((ext, k) => {
    if (!isObject(ext) || ext['url'] !== NOTE_ATTACHMENT_EXTENSION || !isObject(ext['valueAttachment'])) return;
    const attachment = ext['valueAttachment'];
    const data = stringOf(attachment['data']);
    // no data, or data that is not base64: the official layer reports it
    if (data === undefined || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) return;
    const place = at(obs.place, 'extension', k, 'valueAttachment', 'data');
    const html = Buffer.from(data, 'base64').toString('utf8');
    const note = readNoteHtml(html);
    if (note.visibleText === '') {
      ctx.sink.report('business/notes-note-empty', place, { preview: JSON.stringify(html.length > 40 ? `${html.slice(0, 40)}…` : html) });
    }
    const contentType = stringOf(attachment['contentType']);
    if (contentType !== undefined && contentType !== 'text/html') return; // fixed-pattern (official) reports it
    if (note.problems.length > 0) ctx.sink.report('business/notes-note-formatting', place, { reason: note.problems.join('; ') });
  });
}

function checkTimes(ctx: BusinessContext, composition: EntryResource, obs: EntryResource | undefined): void {
  const c = composition.resource;
  const date = stringOf(c['date']);
  const event0 = arrayOf(c['event'])[0];
  const period = isObject(event0) && isObject(event0['period']) ? event0['period'] : undefined;
  const start = stringOf(period?.['start']);
  const effective = obs ? stringOf(obs.resource['effectiveDateTime']) : undefined;
  const startPlace = at(composition.place, 'event', 0, 'period', 'start');
  const effectivePlace = obs ? at(obs.place, 'effectiveDateTime') : undefined;

  // the last update is not before the creation (event.period.start, then the note's effectiveDateTime)
  if (date !== undefined) {
    const datePlace = at(composition.place, 'date');
    const created: { value: string; place: string }[] = [];
    if (start !== undefined) created.push({ value: start, place: startPlace.fhirPath });
    if (effective !== undefined && effectivePlace) created.push({ value: effective, place: effectivePlace.fhirPath });
    const d = instant(date);
    for (const when of created) {
      const t = instant(when.value);
      if (d === undefined || t === undefined) {
        const reason = `${d === undefined ? `Composition.date '${date}'` : `'${when.value}'`} has no time with a time zone, so the order cannot be decided`;
        ctx.sink.report('business/not-checked', datePlace, { rule: 'business/notes-date-before-event', reason });
        break;
      }
      if (d < t) {
        ctx.sink.report('business/notes-date-before-event', datePlace, { date, createdAt: when.value, createdBy: when.place });
        break;
      }
    }
  }

  // the note's creation time is the event start
  if (start !== undefined && effective !== undefined && effectivePlace) {
    const s = instant(start);
    const e = instant(effective);
    if (s === undefined || e === undefined) {
      ctx.sink.report('business/not-checked', effectivePlace, {
        rule: 'business/notes-effective-differs',
        reason: `'${s === undefined ? start : effective}' has no time with a time zone`,
      });
    } else if (s !== e) {
      ctx.sink.report('business/notes-effective-differs', effectivePlace, { effective, start });
    }
  }
}
