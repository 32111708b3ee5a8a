/**
 * `medcom-ig` command line: commander wiring only. Parses flags, calls src/api, writes output and
 * maps results to exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { fstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../src/api/build.js';
import { SafeFileError, UsageError } from '../src/api/errors.js';
import { IG_ALIASES } from '../src/api/igs.js';
import { DEFAULT_MAX_INPUT_BYTES, readStreamCapped, terminalSafe, writeFileAtomic } from '../src/api/io.js';
import { defaultPackageCache } from '../src/api/r4.js';
import type { DiffFormat } from '../src/api/diff.js';
import type { ReportFormat } from '../src/api/report.js';

// The CLI imports src/api only (test/architecture/layers.test.ts), and each command the api modules
// it needs when it runs: `validate` starts without the compiler, the parity tool or the report
// templates it does not use.

// Standard output that cannot take the output — the reader closed it (EPIPE: `… | head`), the disk
// behind it is full (ENOSPC: `… > /dev/full`) or any other write error — ends the run with exit 2
// and one line on stderr, never a stack trace: the output is incomplete, so the run did not succeed.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  const why =
    e.code === 'EPIPE' ? 'the reader closed it (EPIPE)' : e.code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : `${e.code ?? e.message}`;
  try {
    process.stderr.write(`medcom-ig: cannot write to standard output: ${why}\n`);
  } catch {
    /* stderr is gone too */
  }
  process.exit(2);
});

/** `--fail-on` for build and validate: one spelling, `information` (a build diagnostic's `info` ranks with it). */
const FAIL_ON = ['error', 'warning', 'information'] as const;
type FailOn = (typeof FAIL_ON)[number];
const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { info: 0, warning: 1, error: 2 };
const FAIL_ON_RANK: Record<FailOn, number> = { information: 0, warning: 1, error: 2 };

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
/**
 * Lines for people (summaries, `wrote …`, errors): file names and values in them come from inputs
 * (an evidence file named with ESC sequences, a package's titles), so each line goes through
 * terminalSafe; the line breaks are ours. Reports in a data format (json, junit, html) use out().
 */
function safeLines(text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.split('\n').map(terminalSafe).join('\n') + '\n';
}
/** Resolves once what was written to `stream` so far has been handed to the operating system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.write('', () => resolve())) stream.once('drain', () => resolve());
  });
}

function say(text: string): void {
  process.stdout.write(safeLines(text));
}
function err(text: string): void {
  process.stderr.write(safeLines(text));
}

/** Whether `file` is this process's standard output itself (`--out /dev/stdout`, or the file stdout is): the same device and inode. */
function isStdout(file: string): boolean {
  try {
    const a = fstatSync(1);
    const b = statSync(file);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

/** A whole number from `min` to `max`. */
function wholeNumber(min: number, max: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number ${min}–${max}`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function failing(diags: Diagnostic[], failOn: FailOn): boolean {
  return diags.some((d) => SEVERITY_RANK[d.severity] >= FAIL_ON_RANK[failOn]);
}

/** `--fail-on`: error, warning or information; the old spelling `info` (build) is still taken, with a note. */
function failOnOption(description: string): Option {
  return new Option('--fail-on <severity>', `${description} (${FAIL_ON.join(', ')})`).default('error').argParser((v: string): FailOn => {
    if (v === 'info') {
      err('medcom-ig: warning: --fail-on info is deprecated: use --fail-on information');
      return 'information';
    }
    if (!(FAIL_ON as readonly string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${FAIL_ON.join(', ')}.`);
    return v as FailOn;
  });
}

const program = new Command();
program
  .name('medcom-ig')
  .description('MedCom FHIR Implementation Guides authored in TypeScript: build, compare, validate')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: err, writeOut: out })
  // Source maps place the build's diagnostics in profiles/*.ts (the DSL reads its callers from mapped stacks) and
  // stack traces (MEDCOM_IG_DEBUG) in src/. `validate` needs neither (the prebuilt profiles are not compiled) and
  // starts faster without: reading a map for every module it loads cost a one-bundle run about 20 ms.
  .hook('preAction', (_program, command) => {
    if (command.name() !== 'validate' || process.env['MEDCOM_IG_DEBUG']) process.setSourceMapsEnabled(true);
  });

program
  .command('build')
  .description('compile the IG packages to StructureDefinitions (snapshot + differential) and FHIR packages')
  .option('-o, --out <dir>', 'output folder', 'output')
  .option('--only <packageIds...>', 'build only these packages (and what they depend on)')
  .addOption(new Option('--format <format>', 'diagnostics format').choices(['text', 'json']).default('text'))
  .addOption(failOnOption('exit 1 on diagnostics at or above'))
  .option('--quiet', 'text format: only error diagnostics (npm run compile)')
  .addOption(new Option('--prebuilt', 'mark the output as the prebuilt packages validate starts from (npm run compile)').hideHelp())
  .action(async (opts: { out: string; only?: string[]; format: 'text' | 'json'; failOn: FailOn; quiet?: boolean; prebuilt?: boolean }) => {
    const [{ buildIg, formatDiagnostic }, { igPackages }, { stampPrebuilt, unstampPrebuilt }] = await Promise.all([
      import('../src/api/build.js'),
      import('../src/api/packages.js'),
      import('../src/api/prebuilt.js'),
    ]);
    const started = performance.now();
    // the prebuilt packages are current only once the stamp is written again, after every package folder
    if (opts.prebuilt) unstampPrebuilt(opts.out);
    const result = await buildIg({ packages: await igPackages(), out: opts.out, ...(opts.only ? { only: opts.only } : {}) });
    const diags = result.diagnostics.items;
    if (opts.format === 'json') {
      out(
        JSON.stringify(
          {
            packages: result.written.map((w) => ({ dir: w.dir, tgz: w.tgz, files: w.files })),
            diagnostics: diags,
            milliseconds: Math.round(performance.now() - started),
          },
          null,
          2,
        ),
      );
    } else {
      for (const d of diags) if (!opts.quiet || d.severity === 'error') err(formatDiagnostic(d));
      if (result.diagnostics.hasErrors) err(`build failed: ${result.diagnostics.errors.length} error(s); nothing written`);
      for (const w of result.written) say(`wrote ${w.dir} (${w.files} resources) and ${w.tgz}`);
      say(`${result.packages.length} packages in ${Math.round(performance.now() - started)} ms`);
    }
    if (opts.prebuilt && !result.diagnostics.hasErrors) stampPrebuilt(opts.out);
    process.exitCode = failing(diags, opts.failOn) ? 1 : 0;
  });

program
  .command('docs')
  .description(
    'generate the documentation site (profiles, terminology, examples, rule catalogue) for the standards, as static HTML that works opened from disk',
  )
  .requiredOption('-o, --out <dir>', 'output folder (e.g. site/)')
  .option('--ig <standards...>', `standards to document: ${IG_ALIASES.join(', ')} (default: all)`)
  .option(
    '--from <dir>',
    'read the packages from a `medcom-ig build --out` folder (default: the packages npm run compile prebuilt, else compile the profiles)',
  )
  .action(async (opts: { out: string; ig?: string[]; from?: string }) => {
    const { buildSite } = await import('../src/api/site.js');
    const result = await buildSite({
      out: opts.out,
      ...(opts.ig ? { igs: opts.ig } : {}),
      ...(opts.from !== undefined ? { from: opts.from } : {}),
    });
    const pages = result.files.filter((f) => f.endsWith('.html')).length;
    say(
      `wrote ${pages} pages for ${result.igs.join(', ')} (${result.packages.length} packages, read from ${result.origin}) to ${opts.out} in ${Math.round(result.timings.load + result.timings.generate)} ms`,
    );
    say(`open ${join(opts.out, 'index.html')}`);
  });

program
  .command('parity')
  .description('compare the compiled packages element by element with the official MedCom packages (../shared/anchors/medcom)')
  .option('--anchors <dir>', 'folder with the official packages (default: $MEDCOM_SHARED/anchors/medcom or ../shared/anchors/medcom)')
  .option('-v, --verbose', 'list every difference')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .argument('[packageIds...]', 'limit to these package ids')
  .action(async (ids: string[], opts: { anchors?: string; verbose?: boolean; format: 'text' | 'json' }) => {
    const { runParity, renderParity, formatDiagnostic } = await import('../src/api/parity.js');
    const run = await runParity({ only: ids, ...(opts.anchors ? { anchors: opts.anchors } : {}) });
    if (!run.anchors) {
      err('parity: the official MedCom packages were not found (looked for $MEDCOM_SHARED/anchors/medcom and ../shared/anchors/medcom)');
      process.exitCode = 2;
      return;
    }
    for (const d of run.build.diagnostics.items) if (d.severity === 'error') err(formatDiagnostic(d));
    if (opts.format === 'json') out(JSON.stringify({ elements: run.elements, matching: run.matching, packages: run.packages }, null, 2));
    else say(renderParity(run.packages, opts.verbose === true));
    process.exitCode = run.matching === run.elements && !run.build.diagnostics.hasErrors ? 0 : 1;
  });

program
  .command('r4-cache')
  .description('write the base FHIR R4 definitions as hl7.fhir.r4.core#4.0.1 into a FHIR package cache (for SUSHI, the HL7 validator)')
  .option('--cache <dir>', 'package cache folder', defaultPackageCache())
  .option('--force', 'rewrite even if present')
  .addOption(
    new Option('--into <packageDir>', 'write the package folder here instead (the compact copy validate reads, dist/r4)').hideHelp(),
  )
  .addOption(
    new Option(
      '--min',
      'the compact definitions validation reads (no narratives, differentials or documentation; definition resources only)',
    ).hideHelp(),
  )
  .action(async (opts: { cache: string; force?: boolean; into?: string; min?: boolean }) => {
    const { writeR4Package } = await import('../src/api/r4.js');
    const dir = await writeR4Package({
      cache: opts.cache,
      ...(opts.into !== undefined ? { into: opts.into } : {}),
      force: opts.force === true,
      min: opts.min === true,
    });
    say(`hl7.fhir.r4.core#4.0.1 at ${dir}`);
  });

/** `medcom-ig standards` and `validate --ig list`: every standard and version we build, the current one marked. */
async function printStandards(format: 'text' | 'json'): Promise<void> {
  const { standardsCatalogue, renderStandards } = await import('../src/api/standards.js');
  const catalogue = await standardsCatalogue((message) => err(`medcom-ig: warning: ${message}`));
  if (format === 'json') out(JSON.stringify(catalogue, null, 2));
  else say(renderStandards(catalogue));
}

program
  .command('standards')
  .description(
    'list every standard and version we build (the current one marked: what --ig <standard> means) and every package --ig <id>#<version> can pin',
  )
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (opts: { format: 'text' | 'json' }) => {
    await printStandards(opts.format);
  });

program
  .command('validate')
  .description('validate FHIR resources and Bundles (JSON or XML) against the MedCom profiles, offline')
  .addHelpText(
    'after',
    `
Exit codes:
  0  no finding at or above --fail-on (default error)
  1  a finding at or above --fail-on (an unreadable file is a fatal finding)
  2  usage error (unknown option or value, no inputs, a missing file or folder,
     stdin over --max-input-mb) or internal error; no report

Reports: text (default), json, outcome (FHIR OperationOutcome), junit, html, md.
Follow-on findings (those that only follow from another one, json causedBy) are folded
under their root in text, html and md, and counted apart in the summary.`,
  )
  .argument('[inputs...]', 'files, folders (every *.json and *.xml below them), or - for stdin')
  .option(
    '--ig <standard>',
    `validate against a standard's Bundle profile: ${IG_ALIASES.join(', ')} (the current version), <standard>@<version>, or any package we build as <id>#<version>; list: what we build`,
  )
  .option('--profile <url>', 'a profile the root resource must conform to (repeatable)', collect, [] as string[])
  .option(
    '--package <path>',
    'load a FHIR package: a package folder, a .tgz, a folder of conformance resources, or id#version from the package cache (repeatable)',
    collect,
    [] as string[],
  )
  .option(
    '--terminology <folder>',
    'check codes against the code systems and value sets in this folder (or file): FHIR JSON CodeSystems/ValueSets, CSV code tables with the header system,code,display (docs/validator/terminology.md)',
  )
  .option(
    '--context <folder|package>',
    "resources references may resolve to outside the file, as the IG Publisher resolves an IG's examples: a folder (or file) of FHIR JSON/XML resources, or a package folder, .tgz or id#version from the package cache (repeatable; docs/validator/context.md)",
    collect,
    [] as string[],
  )
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'outcome', 'junit', 'html', 'md']).default('text'))
  .option('--out <file>', 'write the report to a file instead of stdout (stdout then gets the one-line summary)')
  .addOption(failOnOption('exit 1 when an issue is at or above'))
  .addOption(
    new Option('--lang <lang>', 'language of messages and of the text report (severities, summary, headings)')
      .choices(['en', 'da'])
      .default('en'),
  )
  .option('--quiet', 'text format: only errors')
  .option(
    '--workers <n>',
    'worker threads for directory runs (1: none; default: one per core when there are enough files)',
    (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
      return n;
    },
  )
  .option(
    '--docs-url <url>',
    'html and md formats: where rule links point: the base of <concern>/<slug>.md (e.g. https://…/docs/rules/), or a pattern with {rule} ' +
      '(default: the rule pages in the installed package, relative to --out, else as file: URLs)',
  )
  .addOption(new Option('--docs-base <url>', 'deprecated: the folder holding docs/rules/ (use --docs-url <url>/docs/rules/)').hideHelp())
  .option(
    '--suppress <rule[@path]>',
    "don't report these findings, e.g. cardinality/min@*.text (* matches anything; repeatable; the report counts them)",
    collect,
    [] as string[],
  )
  .addOption(
    new Option(
      '--rules <layer>',
      'official: conformance to the profiles only; business: the business rules only (docs/rules/business); all: both',
    )
      .choices(['official', 'business', 'all'])
      .default('all'),
  )
  .addOption(
    new Option(
      '--purpose <purpose>',
      "business rules: what the files are exported for — sharing (no privately marked note, no report with refused consent) or aktindsigt (a patient's access request)",
    ).choices(['sharing', 'aktindsigt']),
  )
  .option(
    '--sequence <manifest>',
    'check a sequence of uploads (share, mark-private, withdraw, replace, access-export) listed in a manifest instead of inputs (docs/rules/business/README.md)',
  )
  .option(
    '--follow-symlinks',
    'read files that symbolic links in an input folder lead to outside that folder (by default such a link is reported as input/unreadable)',
  )
  .option(
    '--max-input-mb <n>',
    `largest input file or standard input read, in MiB (default ${DEFAULT_MAX_INPUT_BYTES / 1048576}); a larger one is reported as input/unreadable (stdin: exit 2)`,
    (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
      return n;
    },
  )
  .action(
    async (
      inputs: string[],
      opts: {
        ig?: string;
        profile?: string[];
        package?: string[];
        terminology?: string;
        context?: string[];
        format: ReportFormat;
        out?: string;
        failOn: FailOn;
        lang: 'en' | 'da';
        quiet?: boolean;
        docsUrl?: string;
        docsBase?: string;
        workers?: number;
        suppress?: string[];
        rules: 'official' | 'business' | 'all';
        purpose?: 'sharing' | 'aktindsigt';
        sequence?: string;
        followSymlinks?: boolean;
        maxInputMb?: number;
      },
    ) => {
      if (opts.ig === 'list') {
        await printStandards('text');
        return;
      }
      if (opts.sequence !== undefined) {
        const clash = [
          inputs.length > 0 ? 'inputs' : '',
          opts.ig ? '--ig' : '',
          opts.profile?.length ? '--profile' : '',
          opts.purpose ? '--purpose (each step has its own)' : '',
          opts.context?.length ? '--context' : '',
        ].filter(Boolean);
        if (clash.length) throw new UsageError(`--sequence takes no ${clash.join(', ')}: the manifest lists the files of each step`);
      } else if (inputs.length === 0) {
        throw new UsageError('validate: give files or folders to validate, or --sequence <manifest>');
      }
      const { validateFiles, hasIssueAtOrAbove } = await import('../src/api/validate.js');
      const maxInputBytes = opts.maxInputMb !== undefined ? Math.max(1, Math.round(opts.maxInputMb * 1048576)) : DEFAULT_MAX_INPUT_BYTES;
      // stdin has the same cap as a file: more ends the run (exit 2) with a line naming standard input
      const stdin = inputs.includes('-') ? (await readStreamCapped(process.stdin, '-', maxInputBytes)).toString('utf8') : undefined;
      const tty = process.stderr.isTTY === true;
      const onNotice = (message: string): void => err(`medcom-ig: warning: ${message}`);
      const report =
        opts.sequence !== undefined
          ? await (
              await import('../src/api/sequence.js')
            ).validateSequence({
              manifest: opts.sequence,
              onNotice,
              rules: opts.rules,
              locale: opts.lang,
              ...(opts.suppress?.length ? { suppress: opts.suppress } : {}),
              ...(opts.package?.length ? { packages: opts.package } : {}),
              ...(opts.terminology !== undefined ? { terminology: opts.terminology } : {}),
              ...(opts.followSymlinks ? { followSymlinks: true } : {}),
              maxInputBytes,
            })
          : await validateFiles({
              inputs,
              onNotice,
              ...(stdin !== undefined ? { stdin } : {}),
              ...(opts.ig ? { ig: opts.ig } : {}),
              ...(opts.profile?.length ? { profiles: opts.profile } : {}),
              ...(opts.package?.length ? { packages: opts.package } : {}),
              ...(opts.terminology !== undefined ? { terminology: opts.terminology } : {}),
              ...(opts.context?.length ? { context: opts.context } : {}),
              ...(opts.suppress?.length ? { suppress: opts.suppress } : {}),
              rules: opts.rules,
              ...(opts.purpose ? { purpose: opts.purpose } : {}),
              locale: opts.lang,
              ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
              ...(opts.followSymlinks ? { followSymlinks: true } : {}),
              maxInputBytes,
              ...(tty
                ? {
                    onFile: (done: number, total: number) => {
                      if (total > 1) process.stderr.write(`\r${opts.lang === 'da' ? 'valideret' : 'validated'} ${done}/${total}`);
                      if (done === total && total > 1) process.stderr.write('\n');
                    },
                  }
                : {}),
            });
      const { renderReport, reportWrittenLine } = await import('../src/api/report.js');
      const text = await renderReport(report, opts.format, {
        ...(opts.docsUrl !== undefined ? { docsUrl: opts.docsUrl } : opts.docsBase !== undefined ? { docsBaseUrl: opts.docsBase } : {}),
        packageDocs: true,
        ...(opts.out ? { reportFile: opts.out } : {}),
        ...(opts.quiet ? { quiet: true } : {}),
      });
      if (opts.out) {
        writeFileAtomic(opts.out, text);
        // the report went to a file: standard output still says how the run went, in one line (unless the file is stdout)
        if (!isStdout(opts.out)) say(await reportWrittenLine(report, opts.out));
      } else out(text);
      process.exitCode = hasIssueAtOrAbove(report, opts.failOn) ? 1 : 0;
      // done: once standard output and error are flushed, exit without waiting for the event loop to wind
      // down (V8's idle-time garbage collection of a heap about to be dropped: some 20–30 ms of a cold start)
      await flushed(process.stdout);
      await flushed(process.stderr);
      process.exit();
    },
  );

program
  .command('diff')
  .description(
    'what changed between two package versions that a vendor must act on (per profile: cardinality, must-support, types, fixed/pattern, bindings, invariants, slices; terminology; dependencies)',
  )
  .argument(
    '<from>',
    'the older package: a package folder, a .tgz, a folder of conformance resources, one of our package ids (id#version), or hco|notes|conditionlist',
  )
  .argument('<to>', 'the newer package, in the same forms')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md', 'html']).default('text'))
  .addOption(new Option('--only <impact>', 'text, md and html: show only changes of this impact').choices(['breaking', 'review', 'info']))
  .option('--out <file>', 'write the report to a file instead of stdout')
  .addOption(
    new Option('--fail-on <impact>', 'exit 1 when a change is at or above this impact (default: never)').choices(['breaking', 'review']),
  )
  .action(
    async (
      from: string,
      to: string,
      opts: { format: DiffFormat; only?: 'breaking' | 'review' | 'info'; out?: string; failOn?: 'breaking' | 'review' },
    ) => {
      const { diffOperands, renderDiff } = await import('../src/api/diff.js');
      const diff = await diffOperands(from, to);
      const text = renderDiff(diff, opts.format, opts.only);
      if (opts.out) writeFileAtomic(opts.out, text);
      else out(text);
      const failing =
        opts.failOn === 'breaking'
          ? diff.summary.breaking > 0
          : opts.failOn === 'review'
            ? diff.summary.breaking + diff.summary.review > 0
            : false;
      process.exitCode = failing ? 1 : 0;
    },
  );

program
  .command('serve')
  .description(
    'a local self-test page: drop bundles, see the validation or test-protocol report, download the report files and evidence ZIP',
  )
  .option(
    '--port <n>',
    'port (0: any free one)',
    (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
      return n;
    },
    8080,
  )
  .option(
    '--host <address>',
    'address to listen on (default loopback; anything else makes the page reachable from other machines)',
    '127.0.0.1',
  )
  .option(
    '--allow-host <name>',
    'a host name (or address) the page may be reached by, besides the bound address and localhost/127.0.0.1/[::1] ' +
      '(repeatable); other Host headers are refused (DNS rebinding). A test bed on --host 0.0.0.0 reached by its DNS name needs it',
    (v: string, previous: string[]) => {
      if (!/^[A-Za-z0-9.:[\]-]+$/.test(v))
        throw new InvalidArgumentError('expected a host name or an IP address, without scheme, port or path');
      return [...previous, v];
    },
    [] as string[],
  )
  .option('--max-upload-mb <n>', 'largest upload accepted', positive, 25)
  .option(
    '--workers <n>',
    'worker threads: runs (validations, protocol runs) at once, each worker with its definitions loaded at start ' +
      '(default: one per core)',
    wholeNumber(1, 64),
  )
  .addOption(
    new Option('--max-concurrent <n>', 'deprecated: the old name of --workers')
      .argParser((v: string) => {
        err('medcom-ig: warning: --max-concurrent is deprecated: use --workers');
        return wholeNumber(1, 64)(v);
      })
      .hideHelp(),
  )
  .option(
    '--queue <n>',
    'runs that may wait for a worker beyond those running (default: 4 per worker); more are answered 503 with Retry-After',
    wholeNumber(0, 10_000),
  )
  .option(
    '--queue-timeout-seconds <n>',
    'longest wait in the queue; a run that waited longer is answered 503 with Retry-After',
    positive,
    30,
  )
  .option(
    '--token-file <file>',
    'a file holding a bearer token: every request but /healthz and /readyz must send Authorization: Bearer <token> (else 401)',
  )
  .option('--timeout-seconds <n>', 'longest run; a longer one is stopped (its worker replaced) and answered 504', positive, 120)
  .option('--request-timeout-seconds <n>', 'time for a whole request to arrive, upload included; a slower one is cut (408)', positive, 60)
  .option('--max-run-memory-mb <n>', "memory limit of one run (its worker's heap); a run beyond it is answered 413", positive, 1024)
  .option('--no-log', 'no JSON line per request on stdout (method, path, status, ms, bytes, issue counts; never the content)')
  .action(
    async (opts: {
      log: boolean;
      port: number;
      host: string;
      allowHost: string[];
      maxUploadMb: number;
      workers?: number;
      maxConcurrent?: number;
      queue?: number;
      queueTimeoutSeconds: number;
      tokenFile?: string;
      timeoutSeconds: number;
      requestTimeoutSeconds: number;
      maxRunMemoryMb: number;
    }) => {
      const { readTokenFile, startSelfTest } = await import('../src/serve/server.js');
      // read before anything listens: a missing, empty or malformed file is exit 2 (its content is never printed)
      const token = opts.tokenFile !== undefined ? readTokenFile(opts.tokenFile) : undefined;
      const workers = opts.workers ?? opts.maxConcurrent;
      let s: Awaited<ReturnType<typeof startSelfTest>>;
      try {
        s = await startSelfTest({
          port: opts.port,
          host: opts.host,
          allowHosts: opts.allowHost,
          maxBodyBytes: Math.round(opts.maxUploadMb * 1048576),
          ...(workers !== undefined ? { workers } : {}),
          ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
          queueWaitMs: Math.round(opts.queueTimeoutSeconds * 1000),
          ...(token !== undefined ? { token } : {}),
          timeLimitMs: Math.round(opts.timeoutSeconds * 1000),
          requestTimeoutMs: Math.round(opts.requestTimeoutSeconds * 1000),
          maxRunMemoryMb: Math.round(opts.maxRunMemoryMb),
          warm: true,
          ...(opts.log ? { log: (line: string) => process.stdout.write(line + '\n') } : {}),
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(code ? `cannot listen on ${opts.host}:${opts.port} (${code})` : `serve: ${(e as Error).message}`);
      }
      say(`medcom-ig self-test page: ${s.url}  (Ctrl+C stops it)`);
      say(`FHIR base: ${s.url}fhir  ($validate, metadata); GITB validation service WSDL: ${s.url}gitb/validation?wsdl`);
      say(
        `answers requests for: ${s.hosts.join(', ')}; at most ${s.limits.workers} run(s) at once, ${s.limits.timeLimitSeconds} s each, ` +
          `${s.limits.queue} more waiting${token !== undefined ? '; a bearer token is required' : ''}`,
      );
      const stop = (): void => {
        void s.close().then(() => process.exit(0));
      };
      // SIGTERM (a container stopping): no new connections or runs, the runs under way answered, then exit
      const drain = (): void => {
        void s.drain().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', drain);
    },
  );

const protocol = program
  .command('protocol')
  .description("MedCom test protocols: run a protocol's automated checks on a vendor's evidence files and write the protocol report");

protocol
  .command('list')
  .description('the protocols this build knows, with their steps by kind')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (opts: { format: 'text' | 'json' }) => {
    const rows = (await import('../src/api/protocol.js')).listProtocols();
    if (opts.format === 'json') {
      out(JSON.stringify(rows, null, 2));
      return;
    }
    for (const r of rows) {
      say(
        `${r.id.padEnd(20)} ${r.standard} ${r.direction} protocol ${r.version} (${r.date})${r.status === 'draft' ? ' DRAFT' : ''} · checks against ${r.checkedAgainst} · ${r.steps} steps: ${r.automated} automated, ${r.assisted} checks + demonstration, ${r.manual} manual`,
      );
    }
  });

protocol
  .command('run')
  .description('run a protocol on an evidence folder; writes report.json, report.md, report.html and junit.xml')
  .argument('<id>', 'protocol id (see `protocol list`)')
  .requiredOption('--evidence <dir>', 'the evidence folder (files named <Standard>_<step>_<letter>.<ext>, and/or a mapping.json)')
  .requiredOption('--out <dir>', 'folder for the report files')
  .option('--mapping <file>', 'mapping file: {"steps": {"<step>": ["<file>", …]}} (default: <evidence>/mapping.json when present)')
  .option('--vendor-file <file>', 'vendor.json with §2.1–2.2 (company, system, version, testType …)')
  .addOption(new Option('--lang <lang>', 'report language').choices(['en', 'da']).default('en'))
  .option(
    '--ig <standard@version>',
    "validate against this version of the protocol's standard (default: the version the protocol tests, when built; else the current one)",
  )
  .action(
    async (id: string, opts: { evidence: string; out: string; mapping?: string; vendorFile?: string; lang: 'en' | 'da'; ig?: string }) => {
      const { runProtocolToFolder } = await import('../src/api/protocol.js');
      const { definition, report, written } = await runProtocolToFolder({
        id,
        evidenceDir: opts.evidence,
        outDir: opts.out,
        lang: opts.lang,
        generatedAt: new Date().toISOString(),
        ...(opts.mapping ? { mappingFile: opts.mapping } : {}),
        ...(opts.vendorFile ? { vendorFile: opts.vendorFile } : {}),
        ...(opts.ig !== undefined ? { ig: opts.ig } : {}),
      });
      const s = report.summary;
      const counts = Object.entries(s.byStatus)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      const st = report.protocol.standard;
      say(`${definition.id} ${definition.protocolVersion}: ${s.verdict.toUpperCase()} — ${counts}`);
      say(
        `validated against ${definition.standard.ig} ${st.checkedVersion}: ${st.checkedPackage}${st.checkedNote ? ` — ${st.checkedNote}` : ''}`,
      );
      if (s.failedSteps.length) say(`failed steps: ${s.failedSteps.join(', ')}`);
      if (s.missingEvidence.length) say(`mandatory steps without evidence: ${s.missingEvidence.join(', ')}`);
      for (const u of report.evidence.unmatched) say(`${u.refused ? 'refused' : 'unmatched'}: ${u.file} (${u.reason})`);
      for (const f of written) say(`wrote ${f}`);
      // evidence that was refused (outside the folder, a special file, unreadable) is a finding: exit 1
      process.exitCode = (s.verdict === 'pass' || s.verdict === 'manual') && !report.evidence.unmatched.some((u) => u.refused) ? 0 : 1;
    },
  );

protocol
  .command('init')
  .description('write an evidence folder skeleton: README (steps and file names), mapping.json template, vendor.json template')
  .argument('<id>', 'protocol id (see `protocol list`)')
  .requiredOption('--out <dir>', 'the evidence folder to create')
  .addOption(new Option('--lang <lang>', 'README language').choices(['en', 'da']).default('en'))
  .action(async (id: string, opts: { out: string; lang: 'en' | 'da' }) => {
    const { initProtocolEvidence } = await import('../src/api/protocol.js');
    const result = await initProtocolEvidence(id, opts.out, opts.lang);
    for (const f of result.written) say(`wrote ${f}`);
    for (const f of result.kept) say(`kept ${f} (exists)`);
  });

program
  .command('testscript')
  .description('FHIR TestScripts run offline on their fixtures (no server): per-assert results')
  .command('run')
  .description(
    'run TestScripts (FHIR JSON or XML) on fixtures — the messages your system produced: validateProfileId, expression/operator/value, resource, ' +
      'compareToSource, warningOnly; response asserts are not applicable offline, a profile this build does not have is not checked. ' +
      'Exit 0 when no assert failed or erred (verdict pass, or incomplete when something was not checked), 1 otherwise, 2 on bad input',
  )
  .argument('<files...>', 'TestScript files (JSON or XML)')
  .option('--fixture <id=file>', 'the file for a fixture id (repeatable); a bare file stands for every fixture', collect, [] as string[])
  .option(
    '--fixtures <dir>',
    "a folder of fixture files, matched by the file name of each fixture's reference " +
      '(e.g. CareCommunication-fixture.xml; the same name with .json also matches); repeatable',
    collect,
    [] as string[],
  )
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
  .option('--out <file>', 'write the report to a file instead of stdout')
  .addOption(new Option('--lang <lang>', 'message language').choices(['en', 'da']).default('en'))
  .action(
    async (
      files: string[],
      opts: { fixture: string[]; fixtures: string[]; format: 'text' | 'json' | 'junit'; out?: string; lang: 'en' | 'da' },
    ) => {
      const { runTestScripts, renderTestScripts } = await import('../src/api/testscript.js');
      const fixtures: Record<string, string> = {};
      for (const f of opts.fixture) {
        const m = /^([^=]+)=(.+)$/.exec(f);
        if (m && !m[1]!.includes('/')) fixtures[m[1]!] = m[2]!;
        else fixtures['*'] = f;
      }
      const reports = await runTestScripts({ files, fixtures, fixtureDirs: opts.fixtures, locale: opts.lang });
      const text = renderTestScripts(reports, opts.format);
      if (opts.out) writeFileAtomic(opts.out, text);
      else out(text);
      process.exitCode = reports.some((r) => r.summary.verdict === 'fail') ? 1 : 0;
    },
  );

/** The command line run; no top-level await, so that the CLI bundles as a CommonJS script too (scripts/bundle.ts). */
async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    } else if (e instanceof UsageError || e instanceof SafeFileError) {
      // a usage problem, or a file that could not be read or written safely (the message names it)
      err(`medcom-ig: ${e.message}`);
      process.exitCode = 2;
    } else {
      err(`medcom-ig: internal error: ${(e as Error).message}`);
      if (process.env['MEDCOM_IG_DEBUG']) err((e as Error).stack ?? '');
      process.exitCode = 2;
    }
  }
}

void main();
