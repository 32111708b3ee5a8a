import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hcoValid = join(root, 'examples', 'hco', 'valid');
export const hcoInvalid = join(root, 'examples', 'hco', 'invalid');

type Json = Record<string, unknown>;

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
