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
import { reportStandard, RunValidator, summarize, validationDefinitions, type Definitions, type FileReport } from '../api/validate.js';
import { bytes, HttpError, jsonObject, safeName, text, uploads } from './request.js';
import { valueText } from '../api/io.js';

/** A run the server hands a worker: the raw request body (transferred, not copied). */
export interface SelfTestJob {
  kind: 'validate' | 'protocol';
  body: Uint8Array<ArrayBuffer>;
  maxFiles: number;
}

/** The response: status and JSON body bytes (transferred back). */
export interface SelfTestAnswer {
  status: number;
  body: Uint8Array<ArrayBuffer>;
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
