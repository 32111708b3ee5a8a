import type { Issue } from '../../issue.js';
import type { JsonPath } from '../../load/source.js';
import { renderMessage, type Locale } from '../../messages/index.js';
import type { RuleId, Severity } from '../registry.js';

/** A place in the document: a JSON path for locating, a FHIRPath for reporting. */
export interface Place {
  jsonPath: JsonPath;
  fhirPath: string;
}

/**
 * How many findings of one kind a file's report lists before the rest are counted into one
 * `input/more-issues` finding: `perElement` of one rule (and severity) on the children of one
 * element, `perFile` of one rule (and severity) in the whole file. docs/rules/input/more-issues.md.
 */
export interface IssueCaps {
  perElement: number;
  perFile: number;
}

/** 100 of a kind on one element, 1,000 of a kind in a file (docs/rules/input/more-issues.md). */
export const DEFAULT_ISSUE_CAPS: Readonly<IssueCaps> = Object.freeze({ perElement: 100, perFile: 1000 });

/** The params of an `input/more-issues` finding. */
export type MoreIssuesParams = { rule: string; count: number; shown: number; scope: string };

/** An `input/more-issues` finding, still counting. */
interface Overflow {
  issue: Issue;
  params: MoreIssuesParams;
  /** The count the message was last rendered with. */
  rendered: number;
}

/** The FHIRPath of the element whose child (or item) `where` is, and that element's JSON path. */
function parentOf(where: Place): Place {
  const { jsonPath, fhirPath } = where;
  const up = jsonPath.up ?? jsonPath;
  if (typeof jsonPath.step === 'number') {
    const open = fhirPath.lastIndexOf('[');
    return { jsonPath: up, fhirPath: open > 0 ? fhirPath.slice(0, open) : fhirPath };
  }
  const name = jsonPath.step.charCodeAt(0) === 95 /* _ */ ? jsonPath.step.slice(1) : jsonPath.step;
  const cut = fhirPath.length - name.length - 1;
  if (name !== '' && cut > 0 && fhirPath.endsWith(`.${name}`)) return { jsonPath: up, fhirPath: fhirPath.slice(0, cut) };
  const dot = fhirPath.lastIndexOf('.');
  return { jsonPath: up, fhirPath: dot > 0 ? fhirPath.slice(0, dot) : fhirPath };
}

/** How a report's sink makes an `input/more-issues` finding (rendered and located) and lists it. */
export interface OverflowTarget {
  issueFor(ruleId: RuleId, severity: Severity, where: Place, params: MoreIssuesParams): Issue;
  list(issue: Issue): void;
}

/**
 * The caps of one file's report (`input/more-issues`): past a cap, a finding is counted into the
 * `input/more-issues` finding of its element (or of its file) instead of being listed.
 */
export class MoreIssues {
  /** Findings counted into an `input/more-issues` finding instead of being listed. */
  omitted = 0;
  /** rule|severity|element → findings of that kind on the children of that element */
  private readonly perElement = new Map<string, number>();
  /** rule|severity → findings of that kind listed in the file (element overflows included) */
  private readonly perFile = new Map<string, number>();
  private readonly overflows = new Map<string, Overflow>();
  private dirty = false;

  constructor(
    private readonly caps: Readonly<IssueCaps>,
    private readonly locale: Locale,
    private readonly target: OverflowTarget,
  ) {}

  /**
   * Past a cap: count the finding into the `input/more-issues` finding of its element (or of its
   * file) and answer true; the finding is then neither rendered nor located.
   */
  overflowed(ruleId: RuleId, severity: Severity, where: Place): boolean {
    const kind = `${ruleId}|${severity}`;
    const inFile = this.perFile.get(kind) ?? 0;
    const element = where.jsonPath.length > 0 ? parentOf(where) : undefined;
    const elementKey = element ? `${kind}|${element.fhirPath}` : undefined;
    if (elementKey !== undefined) {
      const onElement = (this.perElement.get(elementKey) ?? 0) + 1;
      this.perElement.set(elementKey, onElement);
      if (onElement > this.caps.perElement) {
        const known = this.overflows.get(elementKey);
        if (known) return this.count(known);
        // a new element overflow is listed like a finding: within the file's cap
        if (inFile < this.caps.perFile) {
          this.perFile.set(kind, inFile + 1);
          return this.open(elementKey, ruleId, severity, element!, this.caps.perElement);
        }
      }
    }
    if (inFile < this.caps.perFile) {
      this.perFile.set(kind, inFile + 1);
      return false;
    }
    const known = this.overflows.get(kind);
    return known ? this.count(known) : this.open(kind, ruleId, severity, where, this.caps.perFile);
  }

  /** Render the `input/more-issues` findings with their final counts. */
  settle(): void {
    if (!this.dirty) return;
    for (const o of this.overflows.values()) {
      if (o.rendered === o.params.count) continue;
      o.issue.message = renderMessage('input/more-issues', o.params, this.locale);
      o.rendered = o.params.count;
    }
    this.dirty = false;
  }

  private count(o: Overflow): true {
    o.params.count++;
    this.omitted++;
    this.dirty = true;
    return true;
  }

  private open(key: string, ruleId: RuleId, severity: Severity, where: Place, shown: number): true {
    const params: MoreIssuesParams = { rule: ruleId, count: 0, shown, scope: key === `${ruleId}|${severity}` ? 'file' : 'element' };
    const issue = this.target.issueFor('input/more-issues', severity, where, params);
    const o: Overflow = { issue, params, rendered: -1 };
    this.overflows.set(key, o);
    this.target.list(issue);
    return this.count(o);
  }
}
