import { below, type IssueSink, type Where } from '../../context.js';
import type { PlanCache, StructurePlan } from '../../plan/plan.js';
import { splitCanonical } from '../../../defs/resource.js';
import { editDistance, nearest } from '../../../util/edit-distance.js';

/**
 * The bases of MedCom's and HL7 Denmark's canonicals (http or https, any case): a profile claimed
 * under one of them that we do not know is a mistake (profiles/unknown-medcom), not a profile of
 * someone else's we lack.
 */
const DANISH_BASES = [/^https?:\/\/medcomfhir\.dk\/ig\//i, /^https?:\/\/hl7\.dk\/fhir\/core\//i];

/** Whether `url` is under a MedCom or HL7 Denmark base. */
export function isDanishBase(url: string): boolean {
  return DANISH_BASES.some((b) => b.test(url));
}

/** The plan of a profile the run requires (`--profile`); undefined after reporting it unknown. */
export function requiredPlan(url: string, where: Where, sink: IssueSink, plans: PlanCache): StructurePlan | undefined {
  const plan = plans.get(url);
  if (!plan) sink.report('profiles/unknown', where, { profile: url, ...suggestion(url, plans) });
  return plan;
}

/**
 * The plan of the profile a resource's `meta.profile[i]` claims; undefined after reporting it
 * unknown: an error (profiles/unknown-medcom, naming the nearest profile we know) when its url is
 * under a MedCom or HL7 Denmark base and is no profile of any version we hold, else a warning
 * (profiles/unknown; a known url at a version we do not hold stays that warning).
 */
export function claimedPlan(url: string, i: number, where: Where, sink: IssueSink, plans: PlanCache): StructurePlan | undefined {
  const plan = plans.get(url);
  if (plan) return plan;
  const at = below(where, `${where.fhirPath}.meta.profile[${i}]`, 'meta', 'profile', i);
  const bare = splitCanonical(url).url;
  if (isDanishBase(bare) && !plans.knownUrls().includes(bare)) {
    const near = plans.suggestion(`danish|${bare}`, (known) => nearestDanish(bare, known));
    sink.report('profiles/unknown-medcom', at, { profile: url, ...(near !== undefined ? { nearest: near } : {}) });
  } else {
    sink.report('profiles/unknown', at, { profile: url, ...suggestion(url, plans) });
  }
  return undefined;
}

/** `{ suggestion }`: a known profile url near `url` (a misspelling), when there is one. */
function suggestion(url: string, plans: PlanCache): { suggestion?: string } {
  const { url: bare } = splitCanonical(url);
  const near = plans.suggestion(`near|${bare}`, (known) => nearest(bare, known));
  return near !== undefined ? { suggestion: near } : {};
}

/**
 * The known MedCom or HL7 Denmark profile nearest to `url`, however far: of the urls under the same
 * base first (a MedCom url is not suggested an HL7 Denmark one while a MedCom one exists), the
 * nearest by edit distance, ties to the first in code-unit order.
 */
function nearestDanish(url: string, known: readonly string[]): string | undefined {
  const base = DANISH_BASES.find((b) => b.test(url));
  const danish = known.filter(isDanishBase);
  const sameBase = base ? danish.filter((k) => base.test(k)) : [];
  const candidates = sameBase.length > 0 ? sameBase : danish;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const d = editDistance(url, k, bestDistance);
    if (d < bestDistance || (d === bestDistance && best !== undefined && k < best)) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
