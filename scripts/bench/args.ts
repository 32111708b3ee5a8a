import { parseArgs } from 'node:util';

type FlagSpec = { readonly type: 'string' } | { readonly type: 'boolean' };

/** What `parseFlags` gives back: a string (or undefined) per string flag, a boolean per boolean flag. */
export type Flags<O extends Readonly<Record<string, FlagSpec>>> = {
  readonly [K in keyof O]: O[K] extends { readonly type: 'boolean' } ? boolean : string | undefined;
};

function isParseArgsError(e: unknown): e is Error & { code: string } {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * A bench script's flags, parsed by node:util parseArgs (strict: an unknown flag, a missing value or a positional
 * argument is refused; `--flag value` and `--flag=value` both work). `-h`/`--help` prints the usage and exits 0; a
 * command line that does not parse prints what is wrong (and `hint`, for an unknown flag) and the usage on stderr, and
 * exits 2. The values are checked by the script (a whole number, a size …).
 */
export function parseFlags<const O extends Readonly<Record<string, FlagSpec>>>(
  name: string,
  raw: readonly string[],
  options: O,
  usage: string,
  hint?: string,
): Flags<O> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...raw],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | boolean | undefined> });
  } catch (e) {
    if (!isParseArgsError(e)) throw e;
    process.stderr.write(
      `${name}: ${e.message}${hint !== undefined && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? ` (${hint})` : ''}\n${usage}`,
    );
    process.exit(2);
  }
  if (values.help === true) {
    process.stdout.write(usage);
    process.exit(0);
  }
  const out: Record<string, string | boolean | undefined> = {};
  for (const [key, spec] of Object.entries(options)) out[key] = spec.type === 'boolean' ? values[key] === true : values[key];
  return out as Flags<O>;
}
