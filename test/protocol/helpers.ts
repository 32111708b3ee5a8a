import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';
import type { ProtocolRunReport, StepResult } from '../../src/protocol/report-model.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hcoValid = join(root, 'examples', 'hco', 'valid');
export const hcoInvalid = join(root, 'examples', 'hco', 'invalid');

type Json = Record<string, unknown>;

/** A protocol run's steps, in the report's order (section headings left out). */
export function steps(report: ProtocolRunReport): StepResult[] {
  return report.sections.flatMap((s) => s.rows.filter((r): r is StepResult => r.type === 'step'));
}

/** The step numbered `number` (`3.5.1`) of a protocol run. */
export function step(report: ProtocolRunReport, number: string): StepResult {
  const s = steps(report).find((x) => x.number === number);
  if (!s) throw new Error(`no step ${number}`);
  return s;
}

export function readExample(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function entries(bundle: Json): Json[] {
  return (bundle['entry'] as { resource: Json }[]).map((e) => e.resource);
}

/** The quantity example with its glucose result sent as "< 1.1 mmol/L" (the comparator S1 asks for). */
export function withComparator(): Json {
  const b = readExample(join(hcoValid, 'new-message-quantity.json'));
  const obs = entries(b).find((r) => r['resourceType'] === 'Observation')!;
  (obs['valueQuantity'] as Json)['comparator'] = '<';
  (obs['valueQuantity'] as Json)['value'] = 1.1;
  return b;
}

/** The vital-signs example for a patient with an X-eCPR instead of a CPR number. */
export function withEcpr(): Json {
  const b = readExample(join(hcoValid, 'new-message-quantity.json'));
  const patient = entries(b).find((r) => r['resourceType'] === 'Patient')!;
  patient['identifier'] = [{ use: 'temp', system: 'urn:oid:1.2.208.176.1.6.1.1', value: '1902381AB1' }];
  return b;
}

/**
 * An evidence folder for hco-send made from our valid HCO examples, named by MedCom's rule:
 * S1 (a numerical message with a comparator, in XML as well), S1.A2 (string results + the
 * quantity message with its clinical comment), S1.A3 (the quantity message with its analysis
 * comment), 3.4.1 E-CPR, 3.4.2 and 3.4.5, plus a screenshot and a stray file.
 */
export function hcoSendEvidence(extra: Record<string, string | Json> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-'));
  const put = (name: string, content: string | Json): void => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  put('HomeCareObservation_3.3.1.1_A.json', withComparator());
  copyFileSync(join(hcoValid, 'new-message-quantity.xml'), join(dir, 'HomeCareObservation_3.3.1.11_A.xml'));
  copyFileSync(join(hcoValid, 'new-message-string-results.json'), join(dir, 'HomeCareObservation_3.3.2.3_A.json'));
  copyFileSync(join(hcoValid, 'new-message-quantity.json'), join(dir, 'HomeCareObservation_3.3.2.5_A.json'));
  copyFileSync(join(hcoValid, 'new-message-quantity.json'), join(dir, 'HomeCareObservation_3.3.3.4_A.json'));
  put('HomeCareObservation_3.4.1_A.json', withEcpr());
  copyFileSync(join(hcoValid, 'new-message-vital-signs.json'), join(dir, 'HomeCareObservation_3.4.2_A.json'));
  copyFileSync(join(hcoValid, 'new-message-quantity.json'), join(dir, 'HomeCareObservation_3.4.5_A.json'));
  put('HomeCareObservation_3.3.1.8_A.png', 'not really a png');
  for (const [name, content] of Object.entries(extra)) put(name, content);
  return dir;
}

const DEFINITION_110 = 'MedComHomeCareObservationMessageDefinition1.1';
const DEFINITION_11X = 'MedComHomeCareObservationMessageDefinition|1.1';

/**
 * hco-send evidence in the form of HomeCareObservation 1.1.1 and later (1.2.0, 1.2.1): every message's
 * MessageHeader.definition is `…MessageDefinition|1.1` (our examples are written in 1.1.0's
 * `…MessageDefinition1.1`); the message that is the 1.2.1 blood-pressure example of our own serves S4.
 */
export function hcoSendEvidence12x(): string {
  const dir = hcoSendEvidence();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') || x.endsWith('.xml'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (text.includes(DEFINITION_110)) writeFileSync(join(dir, f), text.split(DEFINITION_110).join(DEFINITION_11X));
  }
  copyFileSync(
    join(root, 'examples', 'hco', '1.2.1', 'valid', 'new-message-blood-pressure.json'),
    join(dir, 'HomeCareObservation_3.4.2_A.json'),
  );
  return dir;
}

export const clValid = join(root, 'examples', 'conditionlist', 'valid');

const SKS = 'urn:oid:1.2.208.176.2.4.12';
const ICPC = 'urn:oid:1.2.208.176.2.31';

/**
 * A ConditionList example made to follow the protocol's own rules beyond the profile: each
 * diagnosis text is the SKS-D display (else the ICPC2 display), no Condition.note is shared, the
 * document was last changed at `changed` and assembled 59 seconds later.
 */
export function clDocument(example: string, changed: string): Json {
  const b = readExample(join(clValid, example));
  for (const r of entries(b)) {
    if (r['resourceType'] !== 'Condition') continue;
    const code = r['code'] as { coding: { system: string; display?: string }[]; text?: string };
    const display = code.coding.find((c) => c.system === SKS)?.display ?? code.coding.find((c) => c.system === ICPC)?.display;
    if (display) code.text = display;
    else delete code.text;
    delete r['note'];
  }
  (entries(b)[0] as Json)['date'] = changed;
  b['timestamp'] = changed.replace(/:00\+/, ':59+');
  return b;
}

/**
 * Evidence for conditionlist-send from our valid ConditionList examples, one document per
 * "Create a valid ConditionList document" step, changed later at every step of the flow.
 */
export function clSendEvidence(extra: Record<string, string | Json> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-cl-'));
  const put = (name: string, content: string | Json): void => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  put('ConditionList_3.3.1.3_A.json', clDocument('several-conditions-icpc2-sksd.json', '2025-03-01T09:00:00+01:00'));
  put('ConditionList_3.3.1.5_A.json', clDocument('minimal-one-condition.json', '2025-03-02T09:00:00+01:00'));
  put('ConditionList_3.3.2.2_A.json', clDocument('several-conditions-icpc2-sksd.json', '2025-03-03T09:00:00+01:00'));
  put('ConditionList_3.3.3.3_A.json', clDocument('several-conditions-icpc2-sksd.json', '2025-03-04T09:00:00+01:00'));
  put('ConditionList_3.3.4.2_A.json', clDocument('resolved-condition-with-abatement.json', '2025-03-05T09:00:00+01:00'));
  put('ConditionList_3.3.5.2_A.json', clDocument('several-conditions-icpc2-sksd.json', '2025-03-06T09:00:00+01:00'));
  put('ConditionList_3.3.6.2_A.json', clDocument('resolved-condition-with-abatement.json', '2025-03-07T09:00:00+01:00'));
  put('ConditionList_3.4.2.2_A.json', clDocument('minimal-one-condition.json', '2025-03-08T09:00:00+01:00'));
  put('ConditionList_3.4.3_A.json', clDocument('several-conditions-icpc2-sksd.json', '2025-03-06T09:00:00+01:00'));
  for (const [name, content] of Object.entries(extra)) put(name, content);
  return dir;
}

/** Read a ZIP's entries (central directory, deflate or store): an independent check of src/protocol/zip.ts. */
export function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error('bad local header');
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const body = zip.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) >>> 0 !== crc) throw new Error(`crc mismatch for ${name}`);
    out.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export const notesValid = join(root, 'examples', 'notes', 'valid');
export const notesInvalid = join(root, 'examples', 'notes', 'invalid');

let notesIds = 0;
/** A fresh version-4 UUID, deterministic per test run (`6f0c2a1e-0d4b-4c3a-9e21-<n>`). */
function notesUuid(): string {
  notesIds++;
  return `6f0c2a1e-0d4b-4c3a-9e21-${notesIds.toString(16).padStart(12, '0')}`;
}

/**
 * A Notes document made from one of our valid Notes examples: the note created at `created`
 * (Composition.event.period.start = Observation.effectiveDateTime), last updated at `date`, the
 * document assembled at `timestamp`, optionally another note text, and (unless `fresh: false`)
 * new document and Composition identifiers — each document a new document, as the IG wants.
 */
export function notesDocument(
  example: string,
  o: { created: string; date: string; timestamp: string; note?: string; fresh?: boolean },
): Json {
  const b = readExample(join(notesValid, example));
  const composition = entries(b)[0]!;
  const observation = entries(b).find((r) => r['resourceType'] === 'Observation')!;
  composition['event'] = [{ period: { start: o.created } }];
  observation['effectiveDateTime'] = o.created;
  composition['date'] = o.date;
  b['timestamp'] = o.timestamp;
  if (o.note !== undefined) {
    const ext = (observation['extension'] as { valueAttachment: Json }[])[0]!;
    ext.valueAttachment['data'] = Buffer.from(o.note, 'utf8').toString('base64');
  }
  if (o.fresh !== false) {
    b['id'] = notesUuid();
    (b['identifier'] as Json)['value'] = `urn:uuid:${notesUuid()}`;
    (composition['identifier'] as Json)['value'] = `urn:uuid:${notesUuid()}`;
  }
  return b;
}

const LOCAL = 'https://medcom-ig.example/fhir/local/';
/** The private-after-sharing scenario of examples/business (share, mark private, withdraw, access request). */
export const scenario = join(root, 'examples', 'business', 'scenarios', 'private-after-sharing');

/**
 * A Notes document with our local consultation type (examples/business/notes/valid/local-extensions-shareable.json),
 * as a new document with a new note: fresh Bundle, document and note identifiers.
 */
export function localNote(kind: string, system = `${LOCAL}CodeSystem/gp-consultation-type`): Json {
  const b = readExample(join(root, 'examples', 'business', 'notes', 'valid', 'local-extensions-shareable.json'));
  const composition = entries(b)[0]!;
  const observation = entries(b).find((r) => r['resourceType'] === 'Observation')!;
  const type = (observation['extension'] as Json[]).find((x) => x['url'] === `${LOCAL}StructureDefinition/gp-note-consultation-type`)!;
  type['valueCoding'] = { system, code: kind };
  b['id'] = notesUuid();
  (b['identifier'] as Json)['value'] = `urn:uuid:${notesUuid()}`;
  (composition['identifier'] as Json)['value'] = `urn:uuid:${notesUuid()}`;
  (observation['identifier'] as Json[])[0]!['value'] = `urn:uuid:${notesUuid()}`;
  return b;
}

/** An export Bundle (collection) of Notes documents: what a request for the patient's notes returns. */
export function exportOf(...documents: Json[]): Json {
  return {
    resourceType: 'Bundle',
    id: notesUuid(),
    type: 'collection',
    timestamp: '2025-06-20T08:00:00+02:00',
    entry: documents.map((resource) => ({ fullUrl: `urn:uuid:${String(resource['id'])}`, resource })),
  };
}

/**
 * Our GP note source upload of a note marked private
 * (examples/business/source/valid/gp-note-source-private.json), with another note identifier.
 */
export function sourceUpload(noteIdentifier: string): Json {
  const b = readExample(join(root, 'examples', 'business', 'source', 'valid', 'gp-note-source-private.json'));
  const observation = entries(b).find((r) => r['resourceType'] === 'Observation')!;
  (observation['identifier'] as Json[])[0]!['value'] = noteIdentifier;
  return b;
}

/**
 * Evidence for notes-send from our valid Notes examples, named by MedCom's rule: S1's note
 * (3.3.1.4, never updated), a telephone and a video note (3.3.1.10), its update (3.3.2.3: same
 * creation time, later Composition.date, another text), an additional note for the encounter
 * (3.3.3.2), the note shared again after the blockage is removed (3.3.6.2), and for §3.4.2 our
 * examples as they are (JSON and XML), plus a screenshot for a manual step; for §3.5 (our local rules) four
 * notes of the four consultation kinds, sharing exports, an upload of a private note and the private-after-sharing
 * scenario of examples/business.
 */
export function notesSendEvidence(extra: Record<string, string | Json> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-notes-'));
  const put = (name: string, content: string | Json): void => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  const created = '2025-06-12T14:30:00+02:00';
  put(
    'Notes_3.3.1.4_A.json',
    notesDocument('encounter-note-practitioner.json', { created, date: created, timestamp: '2025-06-13T08:00:00+02:00' }),
  );
  put(
    'Notes_3.3.1.10_A.json',
    notesDocument('encounter-note-organization.json', {
      created: '2025-06-12T15:10:00+02:00',
      date: '2025-06-12T15:10:00+02:00',
      timestamp: '2025-06-13T08:00:00+02:00',
    }),
  );
  put(
    'Notes_3.3.1.10_B.json',
    notesDocument('encounter-note-practitioner.json', {
      created: '2025-06-12T15:40:00+02:00',
      date: '2025-06-12T15:40:00+02:00',
      timestamp: '2025-06-13T08:00:00+02:00',
    }),
  );
  put(
    'Notes_3.3.2.3_A.json',
    notesDocument('encounter-note-practitioner.json', {
      created,
      date: '2025-06-13T09:15:00+02:00',
      timestamp: '2025-06-14T08:00:00+02:00',
      note: '<p>Subjektivt: Kontrol af forhøjet blodtryk.</p><p><b>Tilføjet:</b> BT målt hjemme 135/85 mmHg.</p>',
    }),
  );
  const additional = {
    created: '2025-06-12T14:55:00+02:00',
    date: '2025-06-12T14:55:00+02:00',
    note: '<p>Supplerende notat: <i>henvist til øjenlæge</i>.</p>',
  };
  put('Notes_3.3.3.2_A.json', notesDocument('encounter-note-practitioner.json', { ...additional, timestamp: '2025-06-13T08:00:00+02:00' }));
  put('Notes_3.3.6.2_A.json', notesDocument('encounter-note-practitioner.json', { ...additional, timestamp: '2025-06-15T08:00:00+02:00' }));
  copyFileSync(join(notesValid, 'encounter-note-practitioner.json'), join(dir, 'Notes_3.4.2_A.json'));
  copyFileSync(join(notesValid, 'encounter-note-practitioner.xml'), join(dir, 'Notes_3.4.2_B.xml'));
  put('Notes_3.3.4.2_A.png', 'not really a png');
  // §3.5, our local rules: the four consultation kinds, the sharing export, a private note, share → mark → withdraw → access request
  const kinds = (['home-visit', 'video', 'telephone', 'physical'] as const).map((k) => localNote(k));
  kinds.forEach((b, i) => put(`Notes_3.5.1_${'ABCD'[i]!}.json`, b));
  put('Notes_3.5.2_A.json', exportOf(kinds[1]!, kinds[3]!));
  put('Notes_3.5.3_A.json', sourceUpload(`urn:uuid:${notesUuid()}`));
  put('Notes_3.5.3_B.json', exportOf(...kinds));
  copyFileSync(join(scenario, '01-share.json'), join(dir, 'Notes_3.5.4_A.json'));
  copyFileSync(join(root, 'examples', 'business', 'source', 'valid', 'gp-note-source-private.json'), join(dir, 'Notes_3.5.4_B.json'));
  copyFileSync(join(scenario, '03-withdraw.json'), join(dir, 'Notes_3.5.4_C.json'));
  copyFileSync(join(scenario, '04-aktindsigt', 'note-other.json'), join(dir, 'Notes_3.5.5_A.json'));
  copyFileSync(join(scenario, '04-aktindsigt', 'note-private.json'), join(dir, 'Notes_3.5.5_B.json'));
  for (const [name, content] of Object.entries(extra)) put(name, content);
  return dir;
}
