import { IssueSink } from '../../context.js';
import type { Issue } from '../../issue.js';
import { ROOT_PATH, type SourceDoc } from '../../load/source.js';
import type { Locale } from '../../messages/index.js';

/** The other versions of the standard a run validates against (`--ig hco` → hco's other versions), each with its Bundle profile. */
export interface OtherVersions {
  /** The standard's alias (`hco`). */
  standard: string;
  /** The version the run validates against. */
  version: string;
  /** The other versions we build, oldest first. */
  others: readonly { version: string; profile: string }[];
}

/** What a file was checked against and the other versions of the same standard it conforms to (newest last). */
export interface OtherVersionsFit {
  /** The standard's alias (`hco`). */
  standard: string;
  /** The version validated against. */
  version: string;
  /** The other versions the file conforms to, with no error; at least one. */
  fits: readonly string[];
}

/**
 * profiles/other-version: the file does not conform to the version of its standard it was validated
 * against, but does to another version we build (issue 14). Information, at the root: the run still
 * reports the version it was asked for (never a silent switch); the finding says how to pin the
 * newest version that fits.
 */
export function otherVersionIssue(doc: SourceDoc, locale: Locale, fit: OtherVersionsFit): Issue {
  const sink = new IssueSink(doc, locale);
  const root = doc.value as { resourceType?: unknown } | null;
  const fhirPath = typeof root?.resourceType === 'string' ? root.resourceType : '';
  sink.report(
    'profiles/other-version',
    { jsonPath: ROOT_PATH, fhirPath },
    { standard: fit.standard, version: fit.version, fits: fit.fits.join(', '), pin: `${fit.standard}@${fit.fits.at(-1)!}` },
  );
  return sink.issues[0]!;
}
