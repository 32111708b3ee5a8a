/**
 * A large, valid-ish HCO message for the serve benchmark: one of our HCO examples with its
 * Observations copied (fresh ids, each referenced from the DiagnosticReport) until the JSON reaches
 * the size asked for. Generated at run time; no big file is shipped.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown> & { resourceType: string; id: string };
}

export function paddedHcoBundle(root: string, targetBytes: number): string {
  const bundle = JSON.parse(readFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-vital-signs.json'), 'utf8')) as {
    entry: Entry[];
  };
  const observations = bundle.entry.filter((e) => e.resource.resourceType === 'Observation');
  const report = bundle.entry.find((e) => e.resource.resourceType === 'DiagnosticReport');
  if (!report || observations.length === 0) throw new Error('the HCO example has no DiagnosticReport or Observation');
  const results = (report.resource['result'] ??= []) as { reference: string }[];
  const base = observations[0]!.fullUrl.slice(0, observations[0]!.fullUrl.lastIndexOf('/') + 1);
  const one = Buffer.byteLength(JSON.stringify(observations[0])) + 120;
  const copies = Math.max(0, Math.floor((targetBytes - Buffer.byteLength(JSON.stringify(bundle))) / one));
  for (let i = 0; i < copies; i++) {
    const source = observations[i % observations.length]!;
    const id = randomUUID();
    const resource = { ...structuredClone(source.resource), id };
    bundle.entry.push({ fullUrl: base + id, resource });
    results.push({ reference: base + id });
  }
  return JSON.stringify(bundle);
}
