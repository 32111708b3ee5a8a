/**
 * `protocol init`: an evidence folder skeleton for a protocol — a README listing every step with
 * the file names the naming rule expects, a mapping template (every step number → []), and a
 * vendor file template. Existing files are never overwritten.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { makeFolder, writeFileAtomic } from '../util/fs-safe.js';
import { evidenceName, MAPPING_FILE, type EvidenceMapping } from './evidence.js';
import { allSteps, text, type Lang, type ProtocolDefinition } from './model.js';
import { VENDOR_TEMPLATE } from './vendor.js';

export const VENDOR_FILE = 'vendor.json';
export const README_FILE = 'README.md';

export function mappingTemplate(protocol: ProtocolDefinition): EvidenceMapping {
  return {
    protocol: protocol.id,
    protocolVersion: protocol.protocolVersion,
    steps: Object.fromEntries(allSteps(protocol).map(({ step }) => [step.number, []])),
  };
}

function readme(protocol: ProtocolDefinition, lang: Lang): string {
  const da = lang === 'da';
  const lines: string[] = [];
  lines.push(
    `# ${text(protocol.title, lang)} ${protocol.standard.name} ${protocol.protocolVersion} — ${da ? 'dokumentation' : 'evidence'}`,
    '',
  );
  lines.push(
    da
      ? `Navngiv filer efter MedComs regel \`${protocol.evidenceNaming.pattern.replace('{standard}', protocol.standard.name)}\` (fx \`${protocol.evidenceNaming.example}\`), eller angiv dem i \`${MAPPING_FILE}\` (teststep → filer). Udfyld \`${VENDOR_FILE}\` (afsnit 2.1–2.2).`
      : `Name files by MedCom's rule \`${protocol.evidenceNaming.pattern.replace('{standard}', protocol.standard.name)}\` (e.g. \`${protocol.evidenceNaming.example}\`), or list them in \`${MAPPING_FILE}\` (step → files). Fill in \`${VENDOR_FILE}\` (sections 2.1–2.2).`,
    '',
  );
  lines.push(
    `npx medcom-ig protocol run ${protocol.id} --evidence . --out report --vendor-file ${VENDOR_FILE}${da ? ' --lang da' : ''}`,
    '',
  );
  lines.push(da ? '| Teststep | Afgøres | Fx fil |' : '| Step | Decided | Example file |', '|---|---|---|');
  for (const { section, step } of allSteps(protocol)) {
    const nr = step.notRelevant || section.notRelevant;
    const how = nr
      ? 'N/R'
      : step.automation === 'manual'
        ? da
          ? 'manuelt'
          : 'manual'
        : step.automation === 'assisted'
          ? da
            ? 'kontrol + demonstration'
            : 'checks + demonstration'
          : da
            ? 'automatisk'
            : 'automated';
    const ext = step.automation === 'manual' ? 'png' : 'xml';
    lines.push(`| ${step.number} | ${how} | ${evidenceName(protocol, step.number, 'A', ext)} |`);
  }
  return lines.join('\n') + '\n';
}

/** Write the skeleton into `dir`; returns the files written (existing ones are kept and not listed). */
export function initEvidence(protocol: ProtocolDefinition, dir: string, lang: Lang = 'en'): { written: string[]; kept: string[] } {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  makeFolder(dir);
  const written: string[] = [];
  const kept: string[] = [];
  const put = (name: string, content: string): void => {
    const p = join(dir, name);
    if (existsSync(p)) {
      kept.push(p);
      return;
    }
    writeFileAtomic(p, content); // whole or not at all: a kill never leaves a half template that is then kept
    written.push(p);
  };
  put(README_FILE, readme(protocol, lang));
  put(MAPPING_FILE, JSON.stringify(mappingTemplate(protocol), null, 2) + '\n');
  put(VENDOR_FILE, JSON.stringify(VENDOR_TEMPLATE, null, 2) + '\n');
  return { written, kept };
}
