/**
 * Which version of its standard a protocol run validates against (issue 14, item 6): the version the
 * protocol tests (`standard.targets`) when we build it, a version the run pins (`--ig`), or else the
 * standard's current version, with a note the report prints.
 */
import { describeTarget, parseIg, STANDARDS, standardVersion, targetLabel, type IgTarget } from '../standards/igs.js';
import { UsageError } from '../util/errors.js';
import type { StandardRef } from './model.js';

export interface ProtocolVersionChoice {
  target: IgTarget & { bundleProfile: string };
  /** Why the run does not validate against the version the protocol tests (`''` when it does). */
  note: string;
}

/**
 * The version a run of a protocol on `standard` validates against. `pin` is an `--ig` value naming the
 * same standard; `built` tells whether a package (`id#version`) is loaded (default: listed in the registry).
 */
export function protocolVersion(standard: StandardRef, pin?: string, built?: (label: string) => boolean): ProtocolVersionChoice {
  const alias = standard.ig;
  if (pin !== undefined) {
    const t = parseIg(pin);
    if (t.alias !== alias || !t.bundleProfile)
      throw new UsageError(`--ig ${pin}: this protocol tests ${alias}; pin one of its versions (${alias}@<version>)`);
    const note =
      t.version === standard.targets ? '' : `The protocol tests ${alias} ${standard.targets}; this run was pinned to ${describeTarget(t)}.`;
    return { target: { ...t, bundleProfile: t.bundleProfile }, note };
  }
  const wanted = standardVersion(alias, standard.targets);
  if (wanted && (built?.(targetLabel(wanted)) ?? true)) {
    const current = wanted.version === STANDARDS[alias].current;
    return { target: { alias, ...wanted, current, pinned: true }, note: '' };
  }
  const current = standardVersion(alias, STANDARDS[alias].current)!;
  return {
    target: { alias, ...current, current: true, pinned: false },
    note: `The protocol tests ${alias} ${standard.targets}, which this build does not have: the checks validate against ${alias} ${current.version} (current).`,
  };
}
