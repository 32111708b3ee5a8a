/**
 * The four report files of a protocol run: report.json (the canonical model), report.md and
 * report.html (MedCom's layout, Handlebars in the shared isolated, strict, escaping environment)
 * and junit.xml (one test case per step).
 */
import { join, resolve } from 'node:path';
import { realpathSync, writeFileSync } from 'node:fs';
import { UsageError } from '../../util/errors.js';
import { describeFsError, folderReplaceProblem, isInside, readFileSafe, writeFolderAtomic } from '../../util/fs-safe.js';
import { writeZip } from '../zip.js';
import { renderJunitXml, type JunitCase, type JunitSuite } from '../../util/junit.js';
import { compileTemplate } from '../../report/templates/env.js';
import type { ProtocolRunReport, StepResult } from '../report-model.js';
import { PROTOCOL_HTML, PROTOCOL_MD } from './templates.js';
import { buildView, type ProtocolView } from './view.js';

/** Compiled templates, per renderer instance (no module-level state). */
export class ProtocolReportRenderer {
  private md: ((v: ProtocolView) => string) | undefined;
  private html: ((v: ProtocolView) => string) | undefined;

  markdown(report: ProtocolRunReport): string {
    this.md ??= compileTemplate<ProtocolView>(PROTOCOL_MD);
    return this.md(buildView(report)).replace(/\n{3,}/g, '\n\n');
  }

  htmlPage(report: ProtocolRunReport): string {
    this.html ??= compileTemplate<ProtocolView>(PROTOCOL_HTML);
    return this.html(buildView(report));
  }

  json(report: ProtocolRunReport): string {
    return JSON.stringify(report, null, 2) + '\n';
  }

  junit(report: ProtocolRunReport): string {
    return renderProtocolJunit(report);
  }

  /**
   * The self-test archive for MedCom: every matched evidence file under its name by the naming
   * rule, then report.md. Deterministic: the entries' time is the report's `generatedAt` (or 1980).
   */
  archive(report: ProtocolRunReport): Buffer {
    // read again inside the evidence folder only: a file swapped for a link that leads out since the run is refused (SafeFileError)
    const entries = report.evidence.files.map((f) => ({
      name: f.archiveName,
      data: readFileSafe(join(report.evidence.dir, f.file), { root: report.evidence.dir }),
    }));
    entries.push({ name: 'report.md', data: Buffer.from(this.markdown(report), 'utf8') });
    return writeZip(entries, report.generatedAt ? new Date(report.generatedAt) : undefined);
  }

  /**
   * Write report.json, report.md, report.html, junit.xml and the self-test ZIP into `dir`; returns
   * their paths. Atomic: everything is rendered first, written into a staging folder beside `dir`
   * and swapped in complete (with the completion marker), so a run killed mid-write leaves the
   * previous report or none. `dir` is replaced only when it is absent, empty or a previous report
   * folder; a folder holding other files is refused (UsageError) and left untouched.
   */
  async writeAll(report: ProtocolRunReport, dir: string): Promise<string[]> {
    // replacing the evidence folder (or one holding it) would delete the evidence — also when it carries a
    // completion marker (a colleague's folder that once was a report folder, or one planted)
    if (isInside(realOrResolved(dir), realOrResolved(report.evidence.dir))) {
      throw new UsageError(
        `${dir}: the output folder is the evidence folder or holds it (${report.evidence.dir}); name another folder for the report`,
      );
    }
    const problem = folderReplaceProblem(dir, isReportFile);
    if (problem) throw new UsageError(`${dir}: ${problem}`);
    const files: [string, string | Buffer][] = [
      ['report.json', this.json(report)],
      ['report.md', this.markdown(report)],
      ['report.html', this.htmlPage(report)],
      ['junit.xml', this.junit(report)],
      [report.evidence.archive, this.archive(report)],
    ];
    await writeFolderAtomic(dir, (staging) => {
      for (const [name, content] of files) {
        try {
          writeFileSync(join(staging, name), content);
        } catch (e) {
          // name the file the user will look for, not the staging folder
          throw describeFsError(join(dir, name), e, 'write');
        }
      }
    });
    return files.map(([name]) => join(dir, name));
  }
}

/** The real path of `p`, or its absolute path when it does not exist (yet). */
function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The files a protocol report folder holds (an older version's report folder has no completion marker). */
export function isReportFile(name: string): boolean {
  return ['report.json', 'report.md', 'report.html', 'junit.xml'].includes(name) || /_selftest\.zip$/.test(name);
}

/**
 * JUnit XML: one testsuite per section, one testcase per step. Failed steps are failures (with
 * the failed checks and validation errors); manual, not-relevant and no-evidence steps are
 * skipped with the reason, so CI never counts them as passed.
 */
export function renderProtocolJunit(report: ProtocolRunReport): string {
  const suites: JunitSuite[] = [];
  for (const section of report.sections) {
    const ss = section.rows.filter((r): r is StepResult => r.type === 'step');
    if (ss.length === 0) continue;
    suites.push({
      name: `${section.number} ${section.title}`,
      cases: ss.map((s): JunitCase => {
        const c: JunitCase = { classname: `${report.protocol.id}.${section.number}`, name: `${s.number} ${s.id}` };
        if (s.status === 'failed') {
          const detail = [
            ...s.checks
              .filter((x) => x.outcome === 'fail' || x.outcome === 'error')
              .map(
                (x) =>
                  `${x.id}: ${x.description} — ${x.files
                    .filter((f) => f.outcome !== 'pass')
                    .map((f) => `${f.file}: ${f.error ?? f.actual ?? ''}`)
                    .join('; ')}`,
              ),
            ...s.issues
              .filter((i) => i.severity === 'error' || i.severity === 'fatal')
              .map((i) => `${i.ruleId} ${i.fhirpath}${i.line !== undefined ? ` (${i.file}:${i.line})` : ` (${i.file})`}: ${i.message}`),
          ];
          c.failures = [{ type: 'step-failed', message: s.actualResult, detail: detail.join('\n') }];
        } else if (s.status === 'manual' || s.status === 'not-relevant' || s.status === 'no-evidence') {
          c.skipped = `${s.status}: ${s.actualResult}`;
        }
        c.systemOut = [
          s.actualResult,
          ...s.evidence.map((e) => `evidence: ${e}`),
          ...s.issues.filter((i) => i.severity === 'warning').map((i) => `warning ${i.ruleId} ${i.fhirpath}: ${i.message}`),
        ].join('\n');
        return c;
      }),
    });
  }
  // every suite says which version of the standard the run validated against
  const st = report.protocol.standard;
  const properties: [string, string][] = [
    ['standard-targets', st.targets],
    ['package', st.checkedPackage],
    ['profile', st.profile],
    ...(st.checkedNote ? [['checked-note', st.checkedNote] as [string, string]] : []),
  ];
  return renderJunitXml(
    `medcom-ig protocol ${report.protocol.id} ${report.protocol.version}`,
    suites.map((s) => ({ ...s, properties })),
  );
}
