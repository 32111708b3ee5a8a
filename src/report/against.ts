/**
 * What a validation report says it validated against (issue 14): the standard and version `--ig`
 * named (or the package it pinned), or, without `--ig`, the package versions the files' profiles
 * resolved to (with several versions of a package built, an unversioned canonical is the newest's).
 */
import type { Locale } from '../validator/messages/index.js';
import type { ValidationReport } from '../validator/issue.js';

/**
 * Every package (`id#version`) the files' profiles resolved to (each file's `packages`, from the validator), in
 * order of first use, each once.
 */
export function resolvedPackages(report: ValidationReport): string[] {
  return [...new Set(report.files.flatMap((f) => f.packages ?? []))];
}

/**
 * One line, localised: `validated against hco 1.1.0-trial-use (current): medcom.fhir.dk.homecareobservation#1.1.0-trial-use`,
 * `validated against hl7.fhir.dk.core#3.2.0 (pinned)`, or `profiles resolved to hl7.fhir.dk.core#3.5.0`;
 * `''` when nothing was resolved (no --ig, no profile).
 */
export function againstLine(report: ValidationReport, locale: Locale = report.locale): string {
  const da = locale === 'da';
  const s = report.standard;
  if (s) {
    const label = `${s.packageId}#${s.version}`;
    if (s.alias) {
      const state = s.current
        ? da
          ? ' (aktuel)'
          : ' (current)'
        : da
          ? ' (fastlåst, ikke den aktuelle)'
          : ' (pinned, not the current one)';
      return `${da ? 'valideret mod' : 'validated against'} ${s.alias} ${s.version}${state}: ${label}`;
    }
    return `${da ? 'valideret mod' : 'validated against'} ${label} (${da ? 'fastlåst pakke' : 'pinned package'})`;
  }
  const packages = resolvedPackages(report);
  if (packages.length === 0) return '';
  return `${da ? 'profiler fundet i' : 'profiles resolved to'} ${packages.join(', ')}`;
}
