/**
 * What the self-test page's runs do, in a worker thread (src/serve/worker.ts): a validation against
 * a standard, or a test protocol on evidence files. Definitions are loaded once per worker and
 * validators kept per standard and language. The answer is the whole JSON response, made here (the
 * server only sends the bytes); each report is in it once — the page shows report.html from `files`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIg, type IgTarget } from '../api/igs.js';
import { writeFileAtomic } from '../api/io.js';
import {
  builtPackages,
  checkProfile,
  documentPart,
  reportStandard,
  RunValidator,
  summarize,
  validationDefinitions,
  type Definitions,
  type FileReport,
} from '../api/validate.js';
import { toOperationOutcome } from '../api/fhir.js';
import { errorOutcome, FHIR_MIME, fhirBody, type FhirFormat } from './fhir.js';
import {
  faultEnvelope,
  moduleDefinitionEnvelope,
  readGitbRequest,
  SOAP_MIME,
  SoapFault,
  validateInputs,
  validationEnvelope,
  type GitbRequest,
} from './gitb.js';
import { bytes, HttpError, jsonObject, safeName, text, uploads } from './request.js';
import { listStandards } from '../api/igs.js';
import { valueText } from '../api/io.js';
import { VERSION } from '../api/fhir.js';

/** A run the server hands a worker: the raw request body (transferred, not copied). */
export type SelfTestJob = PageJob | FhirValidateJob | GitbJob;

/** A run of the self-test page (`/api/validate`, `/api/protocol`): a JSON body with the files. */
export interface PageJob {
  kind: 'validate' | 'protocol';
  body: Uint8Array<ArrayBuffer>;
  maxFiles: number;
}

/** `POST /fhir/$validate` or `/fhir/{type}/$validate` (src/serve/fhir.ts): the body and the request's options. */
export interface FhirValidateJob {
  kind: 'fhir-validate';
  body: Uint8Array<ArrayBuffer>;
  /** The body's format (from its Content-Type). */
  format: FhirFormat;
  /** The format to answer in. */
  answer: FhirFormat;
  /** The resource type of the path (`/fhir/Bundle/$validate`). */
  type?: string;
  /** `?profile=` */
  profile?: string;
  /** `?ig=` (`hco`, `hco@1.2.0`, `medcom.fhir.dk.homecareobservation#1.2.1`) */
  ig?: string;
  /** `?mode=` */
  mode?: string;
}

/** `POST /gitb/validation` (src/serve/gitb.ts): a SOAP envelope, getModuleDefinition or validate. */
export interface GitbJob {
  kind: 'gitb';
  body: Uint8Array<ArrayBuffer>;
  /** The WS-Addressing MessageID of a fault's answer (made by the server, so that workers need no randomness). */
  messageId: string;
}

/** The response: status, body bytes (transferred back) and their type (JSON unless said). */
export interface SelfTestAnswer {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  type?: string;
  /** `$validate`: the issues by severity (for the request's log line). */
  counts?: Record<string, number>;
}

interface ReportFile {
  name: string;
  type: string;
  content: string;
  encoding?: 'base64';
}

/** The runs of one worker; definitions and validators are made once and reused. */
export class SelfTestJobs {
  private readonly validators = new Map<string, RunValidator>();

  private constructor(private readonly defs: Definitions) {}

  static async load(): Promise<SelfTestJobs> {
    return new SelfTestJobs(await validationDefinitions());
  }

  async answer(job: SelfTestJob): Promise<SelfTestAnswer> {
    if (job.kind === 'fhir-validate') return this.fhirValidate(job);
    if (job.kind === 'gitb') return this.gitb(job);
    let status = 200;
    let value: unknown;
    try {
      const body = jsonObject(job.body);
      value = job.kind === 'validate' ? await this.validate(body, job.maxFiles) : await this.protocol(body, job.maxFiles);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      status = e.status;
      value = { error: e.message, code: e.code };
    }
    return { status, body: new TextEncoder().encode(JSON.stringify(value)) };
  }

  /**
   * FHIR `$validate`: the resource (or a Parameters with `resource`, `profile`, `mode`, in JSON or XML) validated
   * against the profile asked for, else the standard asked for (`ig`: its Bundle profile for a Bundle, its
   * package scope otherwise), else what the resource declares; answered with an OperationOutcome — 200 whatever
   * the verdict, 400 for a request that cannot be validated (unreadable body, unknown profile or standard, wrong
   * type). The body is read once: the type and the Parameters are looked up in the value the validator checks.
   */
  private async fhirValidate(job: FhirValidateJob): Promise<SelfTestAnswer> {
    const reply = (status: number, resource: Record<string, unknown> & { resourceType: string }): SelfTestAnswer => ({
      status,
      body: new TextEncoder().encode(fhirBody(resource, job.answer)),
      type: FHIR_MIME[job.answer],
    });
    try {
      const text = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength).toString('utf8');
      const file = job.format === 'xml' ? 'request.xml' : 'request.json';
      // any validator reads: the document does not depend on the profiles it is validated against
      const read = await this.validatorFor(undefined, undefined, undefined, 'en').validator.readDocument(file, text);
      if ('report' in read) return { ...reply(400, outcomeOf(read.report, undefined)), counts: countsOf(read.report) };
      let doc = read.doc;
      let profile = job.profile;
      let mode = job.mode;
      const params = parametersOf(doc.value);
      if (params) {
        doc = documentPart(doc, params.path);
        profile = params.profile ?? profile;
        mode = params.mode ?? mode;
      }
      if (mode !== undefined && mode !== 'create' && mode !== 'update')
        throw new HttpError(
          400,
          'bad-request',
          `mode ${JSON.stringify(mode)} is not supported (create or update; none for a plain validation)`,
        );
      const rt = (doc.value as { resourceType?: unknown } | null)?.resourceType;
      const declaredType = typeof rt === 'string' ? rt : undefined;
      if (job.type !== undefined && declaredType !== undefined && declaredType !== job.type)
        throw new HttpError(400, 'bad-request', `a ${declaredType} was posted to /fhir/${job.type}/$validate`);
      const { validator: v, target } = this.validatorFor(job.ig, profile, declaredType, 'en');
      const report = v.validateDocument(doc);
      const unreadable = report.issues.some((i) => i.ruleId.startsWith('input/') && i.severity === 'fatal');
      return { ...reply(unreadable ? 400 : 200, outcomeOf(report, target)), counts: countsOf(report) };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      return reply(e.status, errorOutcome(e.code, e.message));
    }
  }

  /**
   * The validator for a standard (`ig`: its Bundle profile for a Bundle, its package scope otherwise) or a
   * profile (which wins), kept per choice and language; an unknown standard or profile is a 400.
   */
  private validatorFor(
    ig: string | undefined,
    profile: string | undefined,
    declaredType: string | undefined,
    locale: 'en' | 'da',
  ): { validator: RunValidator; target: IgTarget | undefined } {
    let target: IgTarget | undefined;
    if (ig !== undefined) {
      try {
        target = parseIg(ig, builtPackages(this.defs), `ig=${ig}`);
      } catch (e) {
        throw new HttpError(400, 'bad-request', (e as Error).message);
      }
    }
    const options: { profiles: string[]; scope?: { id: string; version: string } } = { profiles: [] };
    if (profile !== undefined) {
      try {
        checkProfile(this.defs, profile);
      } catch (e) {
        const message = (e as Error).message.replace(/^--profile /, 'profile ');
        // the CLI's "no such profile" speaks of --package; a client can only choose another profile or a standard
        throw new HttpError(
          400,
          'bad-request',
          /no such profile/.test(message)
            ? `profile ${profile}: not a profile this server knows — name a profile of the standards it validates ` +
                '(url or url|version), or a standard (GET /fhir/metadata lists them)'
            : message,
        );
      }
      options.profiles.push(profile);
    } else if (target?.bundleProfile && declaredType === 'Bundle') options.profiles.push(target.bundleProfile);
    else if (target) options.scope = { id: target.packageId, version: target.version };
    const key = `fhir:${locale}:${options.profiles.join(' ')}:${options.scope ? `${options.scope.id}#${options.scope.version}` : ''}`;
    let v = this.validators.get(key);
    if (!v) {
      v = new RunValidator(this.defs, { ...options, locale });
      this.validators.set(key, v);
    }
    return { validator: v, target };
  }

  /**
   * The GITB validation service (src/serve/gitb.ts): getModuleDefinition, or validate — the content validated as
   * `$validate` does (standard, profile) with a purpose and a language, answered with a TAR report. A request
   * that cannot be validated (malformed, unknown input, standard or profile) is answered with a SOAP Fault (500).
   */
  private async gitb(job: GitbJob): Promise<SelfTestAnswer> {
    const xml = (status: number, text: string): SelfTestAnswer => ({ status, body: new TextEncoder().encode(text), type: SOAP_MIME });
    let request: GitbRequest | undefined;
    try {
      request = readGitbRequest(Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength).toString('utf8'));
      if (request.operation === 'getModuleDefinition') {
        const standards = listStandards().flatMap((s) => [s.alias, ...s.versions.map((v) => `${s.alias}@${v.version}`)]);
        return xml(200, moduleDefinitionEnvelope({ version: VERSION, standards }, request.messageId, job.messageId));
      }
      const inputs = validateInputs(request);
      const format = /^\s*</.test(inputs.text) ? 'xml' : 'json';
      const lang = inputs.lang ?? 'en';
      // read once: the resource type (a standard's Bundle profile or its package scope) is the read value's
      const read = await this.validatorFor(undefined, undefined, undefined, lang).validator.readDocument(
        format === 'xml' ? 'content.xml' : 'content.json',
        inputs.text,
      );
      const rt = 'doc' in read ? (read.doc.value as { resourceType?: unknown } | null)?.resourceType : undefined;
      let chosen: { validator: RunValidator; target: IgTarget | undefined };
      try {
        chosen = this.validatorFor(inputs.standard, inputs.profile, typeof rt === 'string' ? rt : undefined, lang);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        throw new SoapFault('Client', e.message.replace(/^ig=/, 'input standard: ').replace(/^profile /, 'input profile: '));
      }
      const report = 'report' in read ? read.report : chosen.validator.validateDocument(read.doc, inputs.purpose ?? 'sharing');
      const items = report.issues.map((i) => ({
        severity: i.severity,
        ruleId: i.ruleId,
        message: i.message,
        fhirpath: i.location.fhirpath,
        ...(i.location.line !== undefined ? { line: i.location.line } : {}),
        ...(i.location.column !== undefined ? { column: i.location.column } : {}),
      }));
      const t = chosen.target;
      const profileId = inputs.profile ?? (t ? `${t.packageId}#${t.version}` : report.profiles.join(' '));
      const envelope = validationEnvelope(
        {
          date: new Date(),
          items,
          ...(profileId ? { profileId } : {}),
          version: VERSION,
          context: [
            { ...inputs.content, mimeType: format === 'xml' ? 'application/fhir+xml' : 'application/fhir+json' },
            ...inputs.options,
          ],
        },
        request.messageId,
        job.messageId,
      );
      // the log line's counts, as $validate's
      const counts: Record<string, number> = { fatal: 0, error: 0, warning: 0, information: 0 };
      for (const i of report.issues) counts[i.severity] = (counts[i.severity] ?? 0) + 1;
      return { ...xml(200, envelope), counts };
    } catch (e) {
      if (!(e instanceof SoapFault)) throw e;
      return xml(500, faultEnvelope(e, request?.messageId, job.messageId));
    }
  }

  private validator(target: IgTarget | undefined, lang: 'en' | 'da'): RunValidator {
    const key = `${target ? `${target.packageId}#${target.version}` : 'auto'}:${lang}`;
    let v = this.validators.get(key);
    if (!v) {
      v = new RunValidator(this.defs, { profiles: target?.bundleProfile ? [target.bundleProfile] : [], locale: lang });
      this.validators.set(key, v);
    }
    return v;
  }

  private async validate(body: Record<string, unknown>, maxFiles: number): Promise<unknown> {
    const standard = body['standard'] ?? 'auto';
    // a standard (its current version) or a standard at a version we build (`hco@1.1.0-trial-use`)
    let target: IgTarget | undefined;
    if (standard !== 'auto') {
      try {
        target = typeof standard === 'string' ? parseIg(standard) : undefined;
      } catch {
        target = undefined;
      }
      if (!target?.bundleProfile || !this.defs.getPackage(target.packageId, target.version))
        throw new HttpError(400, 'bad-request', `unknown standard ${valueText(standard)}`);
    }
    const lang = body['lang'] === 'da' ? 'da' : 'en';
    const purpose = body['purpose'] ?? 'sharing';
    if (purpose !== 'sharing' && purpose !== 'aktindsigt') throw new HttpError(400, 'bad-request', `unknown purpose ${valueText(purpose)}`);
    const files = uploads(body, maxFiles);
    const v = this.validator(target, lang);
    const reports: FileReport[] = [];
    for (const f of files) reports.push(await v.validate(safeName(f.name), { text: text(f), purpose }));
    const report = summarize(reports, lang, 'all', purpose);
    if (target) report.standard = reportStandard(target);
    const { renderReport } = await import('../api/report.js');
    const reportFiles: ReportFile[] = [
      { name: 'report.json', type: 'application/json', content: JSON.stringify(report, null, 2) },
      { name: 'report.html', type: 'text/html', content: await renderReport(report, 'html') },
      { name: 'report.md', type: 'text/markdown', content: await renderReport(report, 'md') },
    ];
    return { kind: 'validation', summary: report.summary, files: reportFiles };
  }

  private async protocol(body: Record<string, unknown>, maxFiles: number): Promise<unknown> {
    const { ProtocolLibrary, runProtocol, protocolReportRenderer } = await import('../api/protocol.js');
    const library = new ProtocolLibrary();
    const id = body['protocol'];
    if (typeof id !== 'string' || !library.all().some((p) => p.id === id))
      throw new HttpError(400, 'bad-request', `unknown protocol ${String(id)}`);
    const lang = body['lang'] === 'da' ? 'da' : 'en';
    const files = uploads(body, maxFiles);
    const dir = mkdtempSync(join(tmpdir(), 'medcom-ig-selftest-'));
    try {
      const names = new Set<string>();
      for (const f of files) {
        let name = safeName(f.name);
        if (name === 'mapping.json' || name === 'vendor.json') name = `upload_${name}`;
        while (names.has(name)) name = `_${name}`;
        names.add(name);
        writeFileAtomic(join(dir, name), bytes(f));
      }
      const report = await runProtocol({
        protocol: library.get(id),
        evidenceDir: dir,
        lang,
        generatedAt: new Date().toISOString(),
        definitions: this.defs,
      });
      const r = await protocolReportRenderer();
      const reportFiles: ReportFile[] = [
        { name: 'report.html', type: 'text/html', content: r.htmlPage(report) },
        { name: 'report.md', type: 'text/markdown', content: r.markdown(report) },
        { name: 'report.json', type: 'application/json', content: r.json(report) },
        { name: 'junit.xml', type: 'application/xml', content: r.junit(report) },
        { name: report.evidence.archive, type: 'application/zip', content: r.archive(report).toString('base64'), encoding: 'base64' },
      ];
      return { kind: 'protocol', summary: report.summary, files: reportFiles };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A report as an OperationOutcome (what it was validated against on it, when a standard was asked for). */
function outcomeOf(report: FileReport, target: IgTarget | undefined): Record<string, unknown> & { resourceType: string } {
  return toOperationOutcome(report, target ? reportStandard(target) : undefined) as unknown as Record<string, unknown> & {
    resourceType: string;
  };
}

/** A report's issues by severity (the request's log line). */
function countsOf(report: FileReport): Record<string, number> {
  const counts: Record<string, number> = { fatal: 0, error: 0, warning: 0, information: 0 };
  for (const i of report.issues) counts[i.severity] = (counts[i.severity] ?? 0) + 1;
  return counts;
}

/**
 * A Parameters body's `resource` (where it is in the body), `profile` and `mode` — the same for JSON and XML,
 * which the reader has made the same JSON form —, or undefined when the body is not a Parameters.
 */
function parametersOf(value: unknown): { path: (string | number)[]; profile?: string; mode?: string } | undefined {
  if (typeof value !== 'object' || value === null || (value as { resourceType?: unknown }).resourceType !== 'Parameters') return undefined;
  const parameter = (value as { parameter?: unknown }).parameter;
  const list = Array.isArray(parameter) ? (parameter as unknown[]) : [];
  const named = (name: string): { at: number; p: Record<string, unknown> }[] =>
    list.flatMap((p, at) =>
      typeof p === 'object' && p !== null && (p as Record<string, unknown>)['name'] === name
        ? [{ at, p: p as Record<string, unknown> }]
        : [],
    );
  const resources = named('resource');
  const resource = resources[0]?.p['resource'];
  if (resources.length !== 1 || typeof resource !== 'object' || resource === null || Array.isArray(resource))
    throw new HttpError(
      400,
      'bad-request',
      'a Parameters body must have exactly one parameter `resource` holding the resource to validate',
    );
  const str = (p: Record<string, unknown> | undefined, ...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = p?.[k];
      if (typeof v === 'string') return v;
    }
    return undefined;
  };
  const profile = str(named('profile')[0]?.p, 'valueCanonical', 'valueUri', 'valueString');
  const mode = str(named('mode')[0]?.p, 'valueCode', 'valueString');
  return {
    path: ['parameter', resources[0]!.at, 'resource'],
    ...(profile !== undefined ? { profile } : {}),
    ...(mode !== undefined ? { mode } : {}),
  };
}
