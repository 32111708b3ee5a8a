/**
 * The FHIR face of `medcom-ig serve` (issue 17, docs/serve.md "FHIR $validate"): what the server and its
 * workers share about a FHIR request — the formats (`application/fhir+json`, `application/fhir+xml`,
 * `_format`), the CapabilityStatement, and OperationOutcomes for requests that are not answered with a
 * validation (400, 404, 415, 503 …). The validation itself runs in a worker (src/serve/jobs.ts).
 */
import { listStandards } from '../api/igs.js';
import { RULES_SYSTEM, toFhirXml, VERSION } from '../api/fhir.js';
import { HttpError } from './request.js';

export type FhirFormat = 'json' | 'xml';

/** The FHIR format of a request body from its Content-Type, or undefined (415). */
export function bodyFormat(contentType: string | undefined): FhirFormat | undefined {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === 'application/fhir+json' || mime === 'application/json' || mime === 'application/json+fhir') return 'json';
  if (mime === 'application/fhir+xml' || mime === 'application/xml' || mime === 'text/xml' || mime === 'application/xml+fhir') return 'xml';
  return undefined;
}

/**
 * The format to answer in: `_format` (json, xml or a mime type) first, then the Accept header (the first FHIR
 * or plain JSON/XML type it names), else `fallback` (the request's own format; JSON for a GET).
 */
export function answerFormat(format: string | null, accept: string | undefined, fallback: FhirFormat): FhirFormat {
  if (format !== null) {
    const f = format.trim().toLowerCase();
    if (f === 'json' || f === 'xml') return f;
    const byMime = bodyFormat(f);
    if (byMime) return byMime;
    throw new HttpError(
      400,
      'bad-request',
      `_format ${JSON.stringify(format.slice(0, 60))}: expected json, xml, application/fhir+json or application/fhir+xml`,
    );
  }
  for (const part of (accept ?? '').split(',')) {
    const f = bodyFormat(part);
    if (f) return f;
  }
  return fallback;
}

export const FHIR_MIME: Record<FhirFormat, string> = {
  json: 'application/fhir+json; charset=utf-8',
  xml: 'application/fhir+xml; charset=utf-8',
};

/** A resource in the format asked for. */
export function fhirBody(resource: Record<string, unknown> & { resourceType: string }, format: FhirFormat): string {
  return format === 'xml' ? toFhirXml(resource) : JSON.stringify(resource, null, 2) + '\n';
}

/** The OperationOutcome.issue.code for an HTTP error answered on the FHIR endpoints. */
const ISSUE_CODE: Record<string, string> = {
  'bad-request': 'invalid',
  'too-large': 'too-costly',
  'unsupported-type': 'not-supported',
  'not-found': 'not-found',
  method: 'not-supported',
  host: 'security',
  unauthorized: 'login',
  busy: 'transient',
  'time-limit': 'timeout',
  'memory-limit': 'too-costly',
  internal: 'exception',
};

/** An OperationOutcome for a request that was not validated (status ≥ 400): one issue, our error code as a coding. */
export function errorOutcome(code: string, message: string): Record<string, unknown> & { resourceType: 'OperationOutcome' } {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: code === 'busy' ? 'error' : 'fatal',
        code: ISSUE_CODE[code] ?? 'processing',
        details: { coding: [{ system: RULES_SYSTEM, code: `http/${code}` }], text: message },
        diagnostics: message,
      },
    ],
  };
}

/** The ImplementationGuide canonical (url|version) of a standard's version: its canonical base + the package id. */
function implementationGuide(packageId: string, version: string, bundleProfile: string): string {
  const base = bundleProfile.slice(0, bundleProfile.indexOf('/StructureDefinition/'));
  return `${base}/ImplementationGuide/${packageId}|${version}`;
}

/**
 * The server's CapabilityStatement (GET /fhir/metadata): FHIR R4, JSON and XML, the `$validate` operation on
 * the system and on every resource type, and each standard and version we build as an implementationGuide
 * (the current one first).
 */
export function capabilityStatement(baseUrl: string, now: Date): Record<string, unknown> & { resourceType: 'CapabilityStatement' } {
  const guides = listStandards({ currentFirst: true }).flatMap((s) =>
    s.versions.map((v) => implementationGuide(s.packageId, v.version, v.bundleProfile)),
  );
  const validate = { name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: now.toISOString().slice(0, 10),
    publisher: 'medcom-ig',
    kind: 'instance',
    software: { name: 'medcom-ig', version: VERSION },
    implementation: { description: 'medcom-ig validation service: FHIR $validate for the MedCom standards', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/fhir+xml'],
    implementationGuide: guides,
    rest: [{ mode: 'server', operation: [validate] }],
  };
}
