/**
 * `medcom-ig validate --sequence <manifest>`: a sequence of uploads — share a note, mark it private,
 * withdraw the shared document, answer an access request — listed in a small JSON manifest, each
 * step's files validated with the step's purpose and the sequence checked by the business rules of
 * src/validator/rules/business/sequence.ts. docs/rules/business/README.md "Sequences".
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { Definitions } from '../defs/registry.js';
import type { FileReport, ValidationReport } from '../validator/issue.js';
import { readJson } from '../validator/load/json.js';
import { InputError, type SourceDoc } from '../validator/load/source.js';
import type { Locale } from '../validator/messages/index.js';
import {
  checkSequence,
  SEQUENCE_ACTIONS,
  STEP_PURPOSE,
  type SequenceAction,
  type SequenceStep,
} from '../validator/rules/business/sequence.js';
import { selects, type RuleSelection } from '../validator/rules/registry.js';
import { SuppressionError, Suppressions } from '../validator/suppress.js';
import { IssueSink } from '../validator/context.js';
import { readTextSafe, SafeFileError } from '../util/fs-safe.js';
import { unreadable } from '../validator/validator.js';
import { UsageError } from '../util/errors.js';
import {
  checkRules,
  expandInputs,
  loadTerminology,
  RunValidator,
  summarize,
  validationDefinitions,
  type HeldTerminology,
  type InputFile,
} from './validate.js';

/** The manifest's JSON schema (checked with ajv before anything is read). */
export const SEQUENCE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'medcom-ig sequence manifest',
  description: 'A sequence of uploads of GP journal notes, checked in order by `medcom-ig validate --sequence`.',
  type: 'object',
  additionalProperties: false,
  required: ['steps'],
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['action'],
        properties: {
          action: { enum: [...SEQUENCE_ACTIONS] },
          description: { type: 'string' },
          file: { type: 'string', minLength: 1 },
          files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        },
        oneOf: [{ required: ['file'] }, { required: ['files'] }],
      },
    },
  },
} as const;

interface ManifestStep {
  action: SequenceAction;
  description?: string;
  file?: string;
  files?: string[];
}
interface Manifest {
  description?: string;
  steps: ManifestStep[];
}

export interface ValidateSequenceOptions {
  /** The manifest file; step files are relative to its folder. */
  manifest: string;
  locale?: Locale;
  rules?: RuleSelection;
  suppress?: string[];
  packages?: string[];
  /** Follow links in a step's folder that lead outside it (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** Largest step file accepted, in bytes (`--max-input-mb`; default 256 MiB). */
  maxInputBytes?: number;
  /** Hears what the run wants the user to know that is not a finding (stale prebuilt packages). */
  onNotice?: (message: string) => void;
  /** Terminology to check codes against (`--terminology`: a folder or file, or already loaded). */
  terminology?: string | HeldTerminology;
}

function schemaErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : ''}`,
    )
    .join('; ');
}

/** Read and check the manifest; any problem is a usage error naming the file and the reason. */
export function readManifest(file: string): { doc: SourceDoc; manifest: Manifest } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--sequence ${file}: no such file`);
  let doc: SourceDoc;
  try {
    doc = readJson(file, readTextSafe(file));
  } catch (e) {
    if (e instanceof InputError || e instanceof SafeFileError) throw new UsageError(`--sequence ${e.message}`);
    throw e;
  }
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(SEQUENCE_SCHEMA);
  if (!validate(doc.value)) throw new UsageError(`--sequence ${file}: not a sequence manifest: ${schemaErrors(validate.errors)}`);
  return { doc, manifest: doc.value };
}

/**
 * Validate a sequence: every step's files with the step's purpose (share, withdraw, replace:
 * `sharing`; access-export: `aktindsigt`; mark-private: a record, not an export), then the sequence
 * rules on the manifest. The report's first file is the manifest (the sequence findings, at
 * `steps[i]`), then each step's files in order.
 */
export async function validateSequence(options: ValidateSequenceOptions, definitions?: Definitions): Promise<ValidationReport> {
  const locale = options.locale ?? 'en';
  const rules = checkRules(options.rules ?? 'all');
  const suppress = [...(options.suppress ?? [])];
  let suppressions: Suppressions | undefined;
  try {
    suppressions = suppress.length > 0 ? new Suppressions(suppress) : undefined;
  } catch (e) {
    if (e instanceof SuppressionError) throw new UsageError(e.message);
    throw e;
  }
  const { doc, manifest } = readManifest(options.manifest);
  const base = dirname(options.manifest);
  // every file of every step, resolved before anything is validated
  const stepInputs = manifest.steps.map((step, i): InputFile[] => {
    const named = step.files ?? [step.file!];
    return named.flatMap((f) => {
      const path = isAbsolute(f) ? f : join(base, f);
      try {
        return expandInputs([path], undefined, options.followSymlinks ? { followSymlinks: true } : {});
      } catch (e) {
        if (e instanceof UsageError)
          throw new UsageError(`--sequence ${options.manifest}: step ${i + 1} (${step.action}): ${f}: no such file or folder`);
        throw e;
      }
    });
  });
  const stepFiles = stepInputs.map((inputs) => inputs.map((x) => x.file));
  stepFiles.forEach((files, i) => {
    if (files.length === 0)
      throw new UsageError(`--sequence ${options.manifest}: step ${i + 1} (${manifest.steps[i]!.action}): no *.json or *.xml files`);
  });

  const terminology = typeof options.terminology === 'string' ? loadTerminology(options.terminology) : options.terminology;
  const defs = definitions ?? (await validationDefinitions(options.packages, options.onNotice));
  const run = new RunValidator(defs, {
    locale,
    suppress,
    rules,
    ...(terminology ? { terminology } : {}),
    read: {
      ...(options.followSymlinks ? { followSymlinks: true } : {}),
      ...(options.maxInputBytes !== undefined ? { maxBytes: options.maxInputBytes } : {}),
    },
  });
  const reports: FileReport[] = [];
  const steps: SequenceStep[] = [];
  for (const [i, step] of manifest.steps.entries()) {
    const resources: SequenceStep['resources'] = [];
    for (const input of stepInputs[i]!) {
      // a file of a step's folder that cannot be read safely is reported for that file
      if (input.problem !== undefined) {
        reports.push(unreadable(input.file, new InputError(input.file, input.problem), locale));
        continue;
      }
      const { report, value } = await run.validateWithValue(input.file, {
        purpose: STEP_PURPOSE[step.action],
        ...(input.root !== undefined ? { root: input.root } : {}),
      });
      reports.push(report);
      if (value !== undefined) resources.push({ file: input.file, value });
    }
    steps.push({ index: i, action: step.action, resources });
  }

  const sink = new IssueSink(doc, locale, false, suppressions);
  if (selects(rules, 'business')) checkSequence(steps, sink);
  const manifestReport: FileReport = {
    file: options.manifest,
    valid: !sink.hasErrors,
    profiles: [],
    issues: sink.link(sink.issues.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0))),
  };
  if (sink.suppressed > 0) manifestReport.suppressed = sink.suppressed;
  const report = summarize([manifestReport, ...reports], locale, rules);
  report.sequence = {
    manifest: options.manifest,
    steps: manifest.steps.map((s, i) => ({ step: i + 1, action: s.action, purpose: STEP_PURPOSE[s.action], files: stepFiles[i]! })),
  };
  return report;
}
