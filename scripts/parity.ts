/** `npm run parity`: build every package in memory and compare it with the official MedCom packages. */
import { buildIg } from '../src/api/build.js';
import { igPackages } from '../src/api/packages.js';
import { formatDiagnostic } from '../src/compiler/diagnostics.js';
import { anchorsDir, indexAnchors } from '../src/parity/anchors.js';
import { packageParity, renderParity } from '../src/parity/run.js';

async function main(): Promise<void> {
  process.setSourceMapsEnabled(true);
  const dir = anchorsDir();
  if (!dir) {
    console.log('parity: ../shared/anchors/medcom not found (set MEDCOM_SHARED); nothing to compare');
    return;
  }
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const result = await buildIg({ packages: await igPackages() });
  for (const d of result.diagnostics.items) if (d.severity !== 'info') console.log(formatDiagnostic(d));
  const index = indexAnchors(dir);
  const parity = result.packages.filter((p) => only.length === 0 || only.includes(p.ir.id)).map((p) => packageParity(p, index));
  console.log(renderParity(parity, process.argv.includes('--verbose')));
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 2; });
