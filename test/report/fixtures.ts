import type { Issue, ValidationReport } from '../../src/validator/issue.js';
import type { Locale } from '../../src/validator/messages/index.js';

const HOSTILE_FILE = 'vendor/<script>alert("file")</script>|bad.json';
const PROFILE = 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient';

function issues(locale: Locale): Issue[] {
  const da = locale === 'da';
  return [
    {
      ruleId: 'cardinality/min',
      severity: 'error',
      layer: 'official',
      issueType: 'required',
      params: { min: 1, count: 0, element: 'Patient.identifier' },
      message: da
        ? 'Patient.identifier skal forekomme mindst 1 gang(e), fandtes 0'
        : 'Patient.identifier must occur at least 1 time(s), found 0',
      location: { fhirpath: 'Patient', file: 'patient.json', line: 1, column: 1 },
      profile: { url: PROFILE, version: '3.0.0', elementId: 'Patient.identifier' },
    },
    {
      ruleId: 'invariants/failed',
      severity: 'warning',
      layer: 'official',
      issueType: 'invariant',
      params: { key: 'x-1' },
      message: 'x-1: <script>alert("message")</script> a | b\nsecond line',
      location: { fhirpath: "Patient.name.where(text = '<script>alert(1)</script>')", file: 'patient.json', line: 4, column: 12 },
      profile: { url: `${PROFILE}" onmouseover="alert(1)`, elementId: 'Patient.name' },
      constraintKey: 'x-1',
    },
    {
      ruleId: 'bindings/not-checked',
      severity: 'information',
      layer: 'official',
      issueType: 'informational',
      params: {},
      message: da
        ? 'Bindingen kunne ikke kontrolleres *lokalt* [se](javascript:alert(1))'
        : 'The binding could not be checked *locally* [see](javascript:alert(1))',
      location: { fhirpath: '', file: 'patient.json' },
    },
  ];
}

/** A small hand-made report: an invalid file with hostile vendor text, a valid file without issues, and one with a fatal issue. */
export function sampleReport(locale: Locale): ValidationReport {
  return {
    tool: { name: 'medcom-ig', version: '0.1.0' },
    locale,
    files: [
      { file: 'patient.json', valid: false, profiles: [PROFILE], issues: issues(locale) },
      { file: 'examples/ok.json', valid: true, profiles: [], issues: [] },
      {
        file: HOSTILE_FILE,
        valid: false,
        profiles: [],
        issues: [
          {
            ruleId: 'input/unreadable',
            severity: 'fatal',
            layer: 'official',
            issueType: 'structure',
            params: {},
            message: locale === 'da' ? 'Filen kan ikke læses' : 'The file cannot be read',
            location: { fhirpath: '', file: HOSTILE_FILE },
          },
        ],
      },
    ],
    summary: { files: 3, valid: 1, errors: 2, warnings: 1, information: 1 },
  };
}
