import type { IssueSink, Json } from '../../context.js';
import { pathFromSteps, type SourceDoc } from '../../load/source.js';

/** What the XML reader noticed about the XML representation (`notes`, when it records them). */
export function checkXmlForm(doc: SourceDoc, sink: IssueSink): void {
  if (!('notes' in doc)) return;
  for (const n of (doc as SourceDoc & { notes: { message: string; path?: (string | number)[] }[] }).notes) {
    const path = n.path ?? [];
    const rt = (doc.value as Json | null)?.['resourceType'];
    const fhirPath = [typeof rt === 'string' ? rt : '', ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))].join('');
    sink.report('structure/xml-form', { jsonPath: pathFromSteps(path), fhirPath }, { reason: n.message });
  }
}
