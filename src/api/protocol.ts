/**
 * MedCom test protocols (src/protocol): list them, run one on an evidence folder and write its
 * report files, write an evidence folder skeleton. The runner and the report renderers are loaded
 * when a run needs them: listing the protocols loads only their definitions.
 */
import type { Definitions } from '../defs/registry.js';
import { ProtocolLibrary } from '../protocol/load.js';
import { allSteps, type Lang, type ProtocolDefinition } from '../protocol/model.js';
import { protocolVersion } from '../protocol/version.js';
import type { ProtocolReportRenderer } from '../protocol/report/render.js';
import type { ProtocolRunReport } from '../protocol/report-model.js';
import type { RunProtocolOptions } from '../protocol/run.js';

export { ProtocolLibrary };
export type { Lang as ProtocolLang, ProtocolDefinition, ProtocolRunReport, RunProtocolOptions };

/** One protocol as `protocol list` shows it. */
export interface ProtocolListing {
  id: string;
  standard: string;
  direction: ProtocolDefinition['direction'];
  version: string;
  date: string;
  status: ProtocolDefinition['status'];
  /** The standard and version the automated checks validate against. */
  checkedAgainst: string;
  steps: number;
  automated: number;
  assisted: number;
  manual: number;
}

/** The protocols this build knows, with their steps counted by kind. */
export function listProtocols(library = new ProtocolLibrary()): ProtocolListing[] {
  return library.all().map((p) => {
    const steps = allSteps(p).map((s) => s.step);
    return {
      id: p.id,
      standard: p.standard.name,
      direction: p.direction,
      version: p.protocolVersion,
      date: p.protocolDate,
      status: p.status,
      checkedAgainst: `${p.standard.ig} ${protocolVersion(p.standard).target.version}`,
      steps: steps.length,
      automated: steps.filter((s) => s.automation === 'automated').length,
      assisted: steps.filter((s) => s.automation === 'assisted').length,
      manual: steps.filter((s) => s.automation === 'manual').length,
    };
  });
}

/** Run a protocol's automated checks on an evidence folder (src/protocol/run.ts). */
export async function runProtocol(options: RunProtocolOptions): Promise<ProtocolRunReport> {
  return (await import('../protocol/run.js')).runProtocol(options);
}

/** The renderer of a protocol report's files (report.json, .md, .html, junit.xml, the evidence ZIP). */
export async function protocolReportRenderer(): Promise<ProtocolReportRenderer> {
  return new (await import('../protocol/report/render.js')).ProtocolReportRenderer();
}

export interface RunProtocolToFolderOptions {
  /** Protocol id (see listProtocols). */
  id: string;
  evidenceDir: string;
  /** Folder for the report files. */
  outDir: string;
  mappingFile?: string;
  /** vendor.json with §2.1–2.2. */
  vendorFile?: string;
  lang?: Lang;
  generatedAt?: string;
  definitions?: Definitions;
  /** A version of the protocol's standard to validate against (`hco@1.1.0-trial-use`); default: the version the protocol tests. */
  ig?: string;
}

/** `medcom-ig protocol run`: run the protocol and write its report files; answers the report and the files written. */
export async function runProtocolToFolder(
  options: RunProtocolToFolderOptions,
): Promise<{ definition: ProtocolDefinition; report: ProtocolRunReport; written: string[] }> {
  const definition = new ProtocolLibrary().get(options.id);
  const { readVendorFile } = await import('../protocol/vendor.js');
  const vendor = options.vendorFile ? readVendorFile(options.vendorFile) : undefined;
  const report = await runProtocol({
    protocol: definition,
    evidenceDir: options.evidenceDir,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    ...(options.mappingFile ? { mappingFile: options.mappingFile } : {}),
    ...(vendor ? { vendor } : {}),
    ...(options.definitions ? { definitions: options.definitions } : {}),
    ...(options.ig !== undefined ? { ig: options.ig } : {}),
  });
  const written = await (await protocolReportRenderer()).writeAll(report, options.outDir);
  return { definition, report, written };
}

/** `medcom-ig protocol init`: an evidence folder skeleton (README, mapping.json and vendor.json templates); files there are kept. */
export async function initProtocolEvidence(id: string, dir: string, lang: Lang = 'en'): Promise<{ written: string[]; kept: string[] }> {
  const { initEvidence } = await import('../protocol/init.js');
  return initEvidence(new ProtocolLibrary().get(id), dir, lang);
}
