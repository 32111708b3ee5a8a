import type { IssueSink, Json } from '../../context.js';
import { pathFromSteps, type SourceDoc } from '../../load/source.js';

/** The properties the JSON reader found given twice in one object (`duplicates`, when it records them). */
export function checkDuplicateProperties(doc: SourceDoc, sink: IssueSink): void {
  if (!('duplicates' in doc)) return;
  const rt = (doc.value as Json | null)?.['resourceType'];
  for (const d of (doc as SourceDoc & { duplicates: { path: (string | number)[]; key: string }[] }).duplicates) {
    const fhirPath = [typeof rt === 'string' ? rt : '', ...d.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)), `.${d.key}`]
      .join('')
      .replace(/\.\[/g, '[');
    sink.report('structure/duplicate-property', { jsonPath: pathFromSteps([...d.path, d.key]), fhirPath }, { name: d.key });
  }
}
