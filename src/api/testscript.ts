/** FHIR TestScripts run offline on their fixtures (src/testscript/run.ts), and their reports. */
import type { Definitions } from '../defs/registry.js';
import { validationDefinitions } from '../standards/validation.js';
import { renderTestScriptJunit, renderTestScriptText, runTestScript, type TestScriptRunReport } from '../testscript/run.js';
import { UsageError } from '../util/errors.js';
import type { Locale } from '../validator/messages/index.js';

export type { TestScriptRunReport };

export interface RunTestScriptsOptions {
  /** TestScript files (FHIR JSON or XML). */
  files: string[];
  /** Fixture files by fixture id; `*` stands for every fixture. An id none of the scripts has is a usage error. */
  fixtures?: Record<string, string>;
  /** Folders of fixture files, matched by the file name of each fixture's reference. */
  fixtureDirs?: string[];
  locale?: Locale;
  /** Definitions to validate with (default: our compiled IG packages). */
  definitions?: Definitions;
}

/** `medcom-ig testscript run`: each script's report, in the order given. */
export async function runTestScripts(options: RunTestScriptsOptions): Promise<TestScriptRunReport[]> {
  const fixtures = options.fixtures ?? {};
  const definitions = options.definitions ?? (await validationDefinitions());
  const reports: TestScriptRunReport[] = [];
  // over several scripts an id given with --fixture has to belong to one of them, not to each
  const unknownFixtureIds = options.files.length > 1 ? 'ignore' : 'error';
  for (const file of options.files) {
    reports.push(
      await runTestScript({
        file,
        fixtures,
        fixtureDirs: options.fixtureDirs ?? [],
        definitions,
        unknownFixtureIds,
        ...(options.locale ? { locale: options.locale } : {}),
      }),
    );
  }
  const declared = new Set(reports.flatMap((r) => r.fixtures.map((f) => f.id)));
  const unused = Object.keys(fixtures).filter((id) => id !== '*' && !declared.has(id));
  if (unused.length > 0)
    throw new UsageError(
      `--fixture ${unused.join(', ')}: none of the TestScripts has such a fixture (they have: ${[...declared].join(', ') || 'none'})`,
    );
  return reports;
}

export type TestScriptFormat = 'text' | 'json' | 'junit';

/** The reports as `format` (json: one report alone, several as an array; indented, with a final line break). */
export function renderTestScripts(reports: TestScriptRunReport[], format: TestScriptFormat): string {
  return format === 'json'
    ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n'
    : format === 'junit'
      ? renderTestScriptJunit(reports)
      : renderTestScriptText(reports);
}
