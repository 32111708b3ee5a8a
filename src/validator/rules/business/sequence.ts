/**
 * Business rules over a sequence of uploads: the history of GP journal notes as documents are shared,
 * notes marked private, shared documents withdrawn or replaced, and a patient's access request
 * (aktindsigt) answered. Each step is a set of parsed files (src/api/sequence.ts reads the manifest);
 * this module only decides, and reports into the manifest's sink at the step's place.
 *
 * Model (ours, not MedCom's; docs/rules/business/README.md "Sequences"):
 * - a document is identified by its XDS DocumentEntry.uniqueId, which MedCom maps from
 *   `Composition.identifier` (and a DocumentReference carries as `masterIdentifier`);
 * - a note is identified by its Observation's `identifier` (stable across document versions);
 * - withdrawing a shared document is done the way the national document sharing service (XDS, via
 *   IHE MHD) does it: the document entry's DocumentReference with `status` `superseded`
 *   (availabilityStatus Deprecated) or `entered-in-error`, naming the document by `masterIdentifier`;
 *   or a replacement: a new DocumentReference with `relatesTo.code` `replaces` whose target names the
 *   replaced entry (`target.identifier` = its uniqueId, or `target.reference` to a DocumentReference
 *   given in an earlier step). The replacing document is shared, and checked as such.
 */
import { extendPath, ROOT_PATH } from '../../load/source.js';
import type { IssueSink, Json } from '../../context.js';
import {
  arrayOf,
  bundleEntries,
  identifierKey,
  isObject,
  stringOf,
  type BusinessPurpose,
  type EntryResource,
  type Place,
} from './context.js';
import { EXPORT_BUNDLE_TYPES } from './index.js';
import { documentPatient, noteObservations, privateMarking } from './notes.js';

export const SEQUENCE_ACTIONS = ['share', 'mark-private', 'withdraw', 'replace', 'access-export'] as const;
export type SequenceAction = (typeof SEQUENCE_ACTIONS)[number];

/** What each step's files are checked as (the file-level business rules). */
export const STEP_PURPOSE: Record<SequenceAction, BusinessPurpose> = {
  share: 'sharing',
  'mark-private': 'record',
  withdraw: 'sharing',
  replace: 'sharing',
  'access-export': 'aktindsigt',
};

/** One step of a sequence: its files, parsed (unreadable ones left out; their reports say why). */
export interface SequenceStep {
  /** 0-based position in the manifest. */
  index: number;
  action: SequenceAction;
  resources: { file: string; value: unknown }[];
}

/** The place of step `index` in the manifest. */
export function stepPlace(index: number): Place {
  return { jsonPath: extendPath(ROOT_PATH, 'steps', index), fhirPath: `steps[${index}]` };
}
/** A step as messages name it: its place in the manifest (language-neutral). */
const stepName = (index: number): string => `steps[${index}]`;

/** A document's uniqueId: `Composition.identifier` of its first entry (system and value). */
interface DocumentId {
  system?: string;
  value: string;
}
const sameId = (a: DocumentId, b: DocumentId): boolean =>
  a.value === b.value && (a.system === undefined || b.system === undefined || a.system === b.system);
const idOf = (identifier: unknown): DocumentId | undefined => {
  if (!isObject(identifier)) return undefined;
  const value = stringOf(identifier['value']);
  if (value === undefined) return undefined;
  const system = stringOf(identifier['system']);
  return system !== undefined ? { system, value } : { value };
};

/** A Notes document in a step: its uniqueId and its notes (by identifier), with their private marking. */
interface NoteDocument {
  id: DocumentId | undefined;
  notes: { key: string | undefined; marked: boolean; markedAt?: string }[];
}

/** The Notes documents a file holds: the file itself (a document Bundle), or the document Bundles of an export Bundle. */
function documentsOf(value: unknown): Json[] {
  if (!isObject(value) || value['resourceType'] !== 'Bundle') return [];
  if (value['type'] === 'document') return [value];
  if (typeof value['type'] === 'string' && EXPORT_BUNDLE_TYPES.includes(value['type'])) {
    return bundleEntries(value)
      .map((e) => e.resource)
      .filter((r) => r['resourceType'] === 'Bundle' && r['type'] === 'document');
  }
  return [];
}

function readDocument(bundle: Json): NoteDocument {
  const entries = bundleEntries(bundle);
  const composition = entries.find((e) => e.index === 0 && e.resource['resourceType'] === 'Composition');
  const notes: EntryResource[] = composition
    ? noteObservations(entries, composition)
    : entries.filter((e) => e.resource['resourceType'] === 'Observation');
  const onComposition = composition ? privateMarking(composition.resource) : undefined;
  return {
    id: composition ? idOf(composition.resource['identifier']) : undefined,
    notes: notes.map((n) => noteOf(n.resource, onComposition)),
  };
}

function noteOf(observation: Json, inherited?: { marked: boolean; markedAt?: string }): NoteDocument['notes'][number] {
  const own = privateMarking(observation);
  const marking = own?.marked ? own : inherited?.marked ? inherited : (own ?? inherited);
  const markedAt = marking?.markedAt;
  return {
    key: identifierKey(arrayOf(observation['identifier'])[0]),
    marked: marking?.marked === true,
    ...(markedAt !== undefined ? { markedAt } : {}),
  };
}

interface Shared {
  id: DocumentId;
  step: number;
  notes: Set<string>;
  withdrawnAt?: number;
}
interface Marked {
  step: number;
  markedAt?: string;
}

const when = (m: { markedAt?: string }): string => (m.markedAt !== undefined ? ` (${m.markedAt})` : '');
const label = (id: DocumentId): string => id.value;

/**
 * Check a sequence. Findings (at the step's place in the manifest):
 * - a document shared (or shared as a replacement) that contains a note marked private earlier:
 *   business/notes-private-shared;
 * - a note marked private while a document containing it is shared, with no later step withdrawing
 *   or replacing that document: business/notes-private-not-withdrawn (at the mark-private step);
 * - a withdrawal or replacement that withdraws no document shared earlier: business/notes-withdrawal-invalid;
 * - an access-request export without a note marked private earlier: business/notes-aktindsigt-missing-private;
 * - an access-request export whose files are of different patients: business/notes-aktindsigt-other-patient;
 * - what cannot be decided (a document without an identifier, a mark-private step that marks
 *   nothing, a share step without a Notes document): business/not-checked.
 */
export function checkSequence(steps: readonly SequenceStep[], sink: IssueSink): void {
  const shared: Shared[] = [];
  const marked = new Map<string, Marked>();
  /** DocumentReference ids seen in the sequence → the uniqueId they name (for relatesTo.target.reference). */
  const entryIds = new Map<string, DocumentId>();
  /** For each mark-private step: the documents shared at that moment that contain the marked note. */
  const pending: { note: string; marking: Marked; document: Shared }[] = [];

  const share = (step: SequenceStep, doc: NoteDocument, file: string): void => {
    const place = stepPlace(step.index);
    if (!doc.id) {
      sink.report('business/not-checked', place, {
        rule: 'business/notes-private-not-withdrawn',
        reason: `${file}: a document without Composition.identifier (its XDS uniqueId) cannot be followed through the sequence`,
      });
      return;
    }
    const keys = new Set<string>();
    for (const note of doc.notes) {
      if (note.key === undefined) {
        sink.report('business/not-checked', place, {
          rule: 'business/notes-private-shared',
          reason: `${file}: a note without Observation.identifier cannot be followed through the sequence`,
        });
        continue;
      }
      keys.add(note.key);
      const m = marked.get(note.key);
      if (m)
        sink.report('business/notes-private-shared', place, {
          when: ` (${m.markedAt !== undefined ? `${m.markedAt}, ` : ''}${stepName(m.step)})`,
        });
    }
    shared.push({ id: doc.id, step: step.index, notes: keys });
  };

  const current = (id: DocumentId): Shared | undefined => shared.find((s) => s.withdrawnAt === undefined && sameId(s.id, id));

  for (const step of steps) {
    const place = stepPlace(step.index);
    switch (step.action) {
      case 'share': {
        let documents = 0;
        for (const r of step.resources) {
          rememberEntry(r.value, entryIds);
          for (const d of documentsOf(r.value)) {
            documents++;
            share(step, readDocument(d), r.file);
          }
        }
        if (documents === 0)
          sink.report('business/not-checked', place, {
            rule: 'business/notes-private-shared',
            reason: 'the step shares no Notes document (a Bundle of type document, or an export Bundle of them)',
          });
        break;
      }
      case 'mark-private': {
        let count = 0;
        for (const r of step.resources) {
          // the note as marked: a bare note, a Notes document, or the clinic system's upload of it
          // (our GP note source, a transaction Bundle holding the note)
          const notes =
            isObject(r.value) && r.value['resourceType'] === 'Observation'
              ? [noteOf(r.value)]
              : isObject(r.value) && r.value['resourceType'] === 'Bundle' && r.value['type'] === 'transaction'
                ? bundleEntries(r.value)
                    .filter((e) => e.resource['resourceType'] === 'Observation')
                    .map((e) => noteOf(e.resource))
                : documentsOf(r.value).flatMap((d) => readDocument(d).notes);
          for (const note of notes) {
            if (!note.marked) continue;
            if (note.key === undefined) {
              sink.report('business/not-checked', place, {
                rule: 'business/notes-private-not-withdrawn',
                reason: `${r.file}: a privately marked note without Observation.identifier cannot be followed through the sequence`,
              });
              continue;
            }
            count++;
            const marking: Marked = { step: step.index, ...(note.markedAt !== undefined ? { markedAt: note.markedAt } : {}) };
            if (!marked.has(note.key)) marked.set(note.key, marking);
            for (const s of shared)
              if (s.withdrawnAt === undefined && s.notes.has(note.key)) pending.push({ note: note.key, marking, document: s });
          }
        }
        if (count === 0) {
          sink.report('business/not-checked', place, {
            rule: 'business/notes-private-not-withdrawn',
            reason: 'the step marks no note private (no private-marking extension with marked = true on a note or its Composition)',
          });
        }
        break;
      }
      case 'withdraw':
      case 'replace': {
        let references = 0;
        for (const r of step.resources) {
          if (!isObject(r.value) || r.value['resourceType'] !== 'DocumentReference') continue;
          references++;
          const problem = withdraw(r.value, step, entryIds, current);
          if (problem) sink.report('business/notes-withdrawal-invalid', place, { reason: `${r.file}: ${problem}` });
          rememberEntry(r.value, entryIds);
        }
        if (references === 0)
          sink.report('business/notes-withdrawal-invalid', place, {
            reason: 'the step has no DocumentReference (the document entry metadata that withdraws or replaces a document)',
          });
        // the replacing documents are shared
        for (const r of step.resources) for (const d of documentsOf(r.value)) share(step, readDocument(d), r.file);
        break;
      }
      case 'access-export': {
        const present = new Set<string>();
        let first: { cpr: string; file: string } | undefined;
        for (const r of step.resources) {
          for (const d of documentsOf(r.value)) {
            for (const n of readDocument(d).notes) if (n.key !== undefined) present.add(n.key);
            // one patient's documents (within one export Bundle the file-level rule reports it)
            const patient = documentPatient(bundleEntries(d));
            if (!patient) continue;
            if (!first) first = { cpr: patient.cpr, file: r.file };
            else if (patient.cpr !== first.cpr && r.file !== first.file) {
              sink.report('business/notes-aktindsigt-other-patient', place, {
                cpr: `${patient.cpr} (${r.file})`,
                expected: first.cpr,
                first: first.file,
              });
            }
          }
        }
        for (const [note, m] of marked) {
          if (!present.has(note))
            sink.report('business/notes-aktindsigt-missing-private', place, { note, when: when(m), marked: stepName(m.step) });
        }
        break;
      }
    }
  }

  // a note marked private while shared: the document must be withdrawn (or replaced) after the marking
  for (const p of pending) {
    const withdrawnAt = p.document.withdrawnAt;
    if (withdrawnAt !== undefined && withdrawnAt > p.marking.step) continue;
    sink.report('business/notes-private-not-withdrawn', stepPlace(p.marking.step), {
      note: p.note,
      when: when(p.marking),
      document: label(p.document.id),
      shared: stepName(p.document.step),
    });
  }

  function withdraw(
    ref: Json,
    step: SequenceStep,
    ids: Map<string, DocumentId>,
    find: (id: DocumentId) => Shared | undefined,
  ): string | undefined {
    const status = stringOf(ref['status']);
    const replaces = arrayOf(ref['relatesTo']).filter((r): r is Json => isObject(r) && r['code'] === 'replaces');
    const targets: { id: DocumentId | undefined; how: string }[] = [];
    if (step.action === 'replace') {
      if (replaces.length === 0) return "a replacement names no replaced document (relatesTo with code 'replaces')";
      for (const r of replaces) {
        const target = isObject(r['target']) ? r['target'] : {};
        const reference = stringOf(target['reference']);
        const byRef = reference !== undefined ? ids.get(reference.replace(/^.*\/(DocumentReference\/[^/]+)$/, '$1')) : undefined;
        targets.push({
          id: idOf(target['identifier']) ?? byRef,
          how: `relatesTo.target ${reference ?? JSON.stringify(target['identifier'] ?? null)}`,
        });
      }
    } else {
      if (status !== 'superseded' && status !== 'entered-in-error') {
        return `status is '${status ?? 'absent'}'; a withdrawal sets the document entry's status to 'superseded' (XDS availabilityStatus Deprecated) or 'entered-in-error'`;
      }
      targets.push({ id: idOf(ref['masterIdentifier']), how: 'masterIdentifier' });
    }
    const problems: string[] = [];
    for (const t of targets) {
      if (!t.id) {
        problems.push(`${t.how} does not name a document (no uniqueId)`);
        continue;
      }
      const hit = find(t.id);
      if (!hit) {
        problems.push(`${t.how} names ${t.id.value}, which is not a document shared (and not yet withdrawn) earlier in the sequence`);
        continue;
      }
      hit.withdrawnAt = step.index;
    }
    return problems.length > 0 ? problems.join('; ') : undefined;
  }
}

/** A DocumentReference given in a step: its id (as `DocumentReference/<id>`) names its masterIdentifier. */
function rememberEntry(value: unknown, ids: Map<string, DocumentId>): void {
  if (!isObject(value) || value['resourceType'] !== 'DocumentReference') return;
  const id = stringOf(value['id']);
  const master = idOf(value['masterIdentifier']);
  if (id !== undefined && master) ids.set(`DocumentReference/${id}`, master);
}
