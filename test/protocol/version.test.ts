/**
 * Issue 14, item 6: a protocol carries the standard version it tests (hco-send: MedCom's protocol
 * for HomeCareObservation 1.2.0). The run validates against that version when this build has it,
 * otherwise against the current one, and the report (json, md, html, junit) says which and why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { ProtocolLibrary } from '../../src/protocol/load.js';
import { ProtocolReportRenderer } from '../../src/protocol/report/render.js';
import { runProtocol } from '../../src/protocol/run.js';
import { STANDARDS, standardVersion } from '../../src/standards/igs.js';
import { hcoSendEvidence } from './helpers.js';

const library = new ProtocolLibrary();
const hcoSend = library.get('hco-send');
const HCO_ID = 'medcom.fhir.dk.homecareobservation';
const dirs: string[] = [];
let defs: Definitions;
beforeAll(async () => {
  defs = await validationDefinitions();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('protocol versions', () => {
  it('hco-send tests HomeCareObservation 1.2.0; hco-receive 1.2.1', () => {
    expect(hcoSend.standard).toMatchObject({ ig: 'hco', targets: '1.2.0' });
    expect(library.get('hco-receive').standard.targets).toBe('1.2.1');
  });

  it('hco-send runs against 1.2.0 when built, else the current version, and every report format says which', async () => {
    const evidence = hcoSendEvidence();
    dirs.push(evidence);
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: evidence, definitions: defs });
    // we build 1.2.0 (issue 14), so hco-send is checked against it, not the current 1.2.1
    expect(standardVersion('hco', '1.2.0')).toBeDefined();
    expect(defs.getPackage(HCO_ID, '1.2.0')).toBeDefined();
    const checked = '1.2.0';
    const st = report.protocol.standard;
    expect(st).toMatchObject({ targets: '1.2.0', checkedVersion: checked, checkedPackage: `${HCO_ID}#${checked}` });
    expect(st.checkedNote).toBe('');
    const out = mkdtempSync(join(tmpdir(), 'medcom-protocol-version-'));
    dirs.push(out);
    await new ProtocolReportRenderer().writeAll(report, out);
    const read = (f: string): string => readFileSync(join(out, f), 'utf8');
    expect(read('report.md')).toContain(`Checked against: ${checked} (${HCO_ID}\\#${checked})`);
    expect(read('report.html')).toContain(`<p class="note checked">Checked against: ${checked} (${HCO_ID}#${checked})`);
    expect(read('junit.xml')).toContain(`<property name="package" value="${HCO_ID}#${checked}"/>`);
    expect(read('junit.xml')).toContain('<property name="standard-targets" value="1.2.0"/>');
  });

  it("--ig pins another version of the protocol's standard", async () => {
    const evidence = hcoSendEvidence();
    dirs.push(evidence);
    const report = await runProtocol({ protocol: hcoSend, evidenceDir: evidence, definitions: defs, ig: `hco@${STANDARDS.hco.current}` });
    expect(report.protocol.standard.checkedVersion).toBe(STANDARDS.hco.current);
    await expect(runProtocol({ protocol: hcoSend, evidenceDir: evidence, definitions: defs, ig: 'notes' })).rejects.toThrow(
      /this protocol tests hco/,
    );
  });
});
