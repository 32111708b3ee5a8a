import type { FileReport } from '../../issue.js';
import type { InputError } from '../../load/source.js';
import { renderMessage, type Locale } from '../../messages/index.js';

/** The report of a file that could not be read (or not read safely): one fatal `input/unreadable` finding. */
export function unreadable(file: string, e: InputError, locale: Locale): FileReport {
  const params = { reason: e.reason };
  return {
    file,
    valid: false,
    profiles: [],
    issues: [
      {
        id: 'i1',
        ruleId: 'input/unreadable',
        severity: 'fatal',
        layer: 'official',
        issueType: 'structure',
        params,
        message: renderMessage('input/unreadable', params, locale),
        location: { fhirpath: '', file, line: e.position?.line ?? 1, column: e.position?.column ?? 1 },
      },
    ],
  };
}
