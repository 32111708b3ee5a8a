/**
 * The MessageDefinition instances of MessageDefinitions 1.0.0-trial-use, 1.0.1-trial-use and 1.0.0
 * (re-authored with defineInstance) equal the published ones as JSON, narrative aside: the
 * 1.0.0-trial-use form (`…MessageDefinition1.1`) and the 1.0.1+ form (url without the version, id
 * `…MessageDefinitionV1.1`, responses `…|2.0`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtIg } from '../helpers/build.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const anchors = anchorsOrSkip('parity: the MessageDefinition instances');
/** version → folder of ../shared/anchors/medcom/messagedefinitions */
const VERSIONS = [
  ['1.0.0-trial-use', '.'],
  ['1.0.1-trial-use', '1.0.1-trial-use'],
  ['1.0.0', '1.0.0'],
] as const;

describe.skipIf(!anchors)('MessageDefinition instances equal the published ones', async () => {
  const build = anchors ? await builtIg() : undefined;
  const cases = VERSIONS.flatMap(([version, folder]) => {
    const dir = anchors ? join(anchors, 'messagedefinitions', folder, 'other') : '';
    return anchors ? readdirSync(dir).map((f) => [version, f, join(dir, f)] as const) : [];
  });

  it('finds three definitions per version', () => {
    expect(cases.length).toBe(9);
  });

  it.each(cases)('%s %s', (version, _file, path) => {
    const published = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete published['text'];
    const pkg = build!.packages.find((p) => p.ir.id === 'medcom.fhir.dk.messagedefinitions' && p.ir.version === version);
    const ours = pkg?.resources.find((r) => r.resourceType === 'MessageDefinition' && r['id'] === published['id']);
    expect(ours, `${version}: ${String(published['id'])}`).toBeDefined();
    const { text: _text, ...rest } = ours!;
    expect(rest).toEqual(published);
  });
});
