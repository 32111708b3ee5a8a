/**
 * Root errors and their follow-ons (issue 15): the engine gives each issue an `id` and, when it only
 * follows from another issue, `causedBy` (src/validator/issue.ts). Reports show the root issues and
 * fold each one's follow-ons under it; counts say how many were folded. Without any `causedBy`
 * every issue is a root and every report reads as it always did.
 */
import { countBySeverity, type Issue, type SeverityCounts, type ValidationReport } from '../validator/issue.js';

/** A root issue and every issue that follows from it (directly or through another follow-on), in report order. */
export interface IssueGroup {
  root: Issue;
  followOns: Issue[];
}

/**
 * The root each issue follows from, by index: its own index for a root. An issue whose `causedBy`
 * names no issue of the file (its root was suppressed, or a dangling id) ends its chain: it is the root of
 * the issues that lead to it. An issue whose chain runs into a cycle (on it or leading to it) is a root
 * itself: nothing is hidden under an issue the reader cannot see. One pass: each issue's chain is walked
 * once, and an issue met again takes the end already found for it.
 */
function rootIndexes(issues: readonly Issue[]): number[] {
  const byId = new Map<string, number>();
  issues.forEach((i, k) => {
    if (i.id !== undefined && !byId.has(i.id)) byId.set(i.id, k);
  });
  const cause = (k: number): number | undefined => {
    const c = issues[k]!.causedBy;
    return c === undefined ? undefined : byId.get(c);
  };
  // the end of each issue's chain: WALKING while its chain is being walked, CYCLE when it runs into a cycle
  const WALKING = -1;
  const CYCLE = -2;
  const end: (number | undefined)[] = new Array<number | undefined>(issues.length);
  for (let k = 0; k < issues.length; k++) {
    if (end[k] !== undefined) continue;
    const path: number[] = [];
    let at = k;
    let found: number;
    for (;;) {
      const known = end[at];
      if (known !== undefined) {
        found = known === WALKING ? CYCLE : known;
        break;
      }
      end[at] = WALKING;
      path.push(at);
      const next = cause(at);
      if (next === undefined) {
        found = at;
        break;
      }
      at = next;
    }
    for (const p of path) end[p] = found;
  }
  return end.map((e, k) => (e === undefined || e === CYCLE ? k : e));
}

/** The file's issues as root issues with their follow-ons, roots in report order. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const roots = rootIndexes(issues);
  const groups = new Map<number, IssueGroup>();
  issues.forEach((issue, k) => {
    if (roots[k] === k) groups.set(k, { root: issue, followOns: [] });
  });
  issues.forEach((issue, k) => {
    if (roots[k] !== k) groups.get(roots[k]!)!.followOns.push(issue);
  });
  return [...groups.values()];
}

/** Whether the issue is folded under another one of `issues` (see groupIssues). */
export function followOnFlags(issues: readonly Issue[]): boolean[] {
  const roots = rootIndexes(issues);
  return roots.map((r, k) => r !== k);
}

/** The issues of a file that are folded under another one, in report order. */
function followOnIssues(issues: readonly Issue[]): Issue[] {
  const flags = followOnFlags(issues);
  return issues.filter((_, k) => flags[k]);
}

/** The follow-on issues of a file, counted by severity. */
export function followOnCounts(issues: readonly Issue[]): SeverityCounts {
  return countBySeverity(followOnIssues(issues));
}

/** The follow-on issues of several files, counted by severity (the summary's `followOns`). */
export function filesFollowOns(files: readonly { issues: readonly Issue[] }[]): SeverityCounts {
  return countBySeverity(files.flatMap((f) => followOnIssues(f.issues)));
}

/** The run's follow-ons by severity: the report's `summary.followOns`, else counted from its files. */
export function reportFollowOns(report: ValidationReport): SeverityCounts {
  return report.summary.followOns ?? filesFollowOns(report.files);
}
