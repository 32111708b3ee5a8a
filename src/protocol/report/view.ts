/**
 * The view model the protocol report templates print: MedCom's layout (standard table,
 * versioning, §2 tables, use-case table, one six-column table per section), every string in the
 * report language and every field present (templates are compiled strict). Strings are raw vendor
 * text; escaping is the templates' job (src/report/templates/env.ts).
 */
import { labels, type ProtocolLabels } from '../i18n.js';
import type { CheckResult, ProtocolRunReport, RunIssue, StepResult, StepStatus } from '../report-model.js';

export interface KeyValue {
  key: string;
  value: string;
  blank: boolean;
}

export interface CheckView {
  description: string;
  outcome: string;
  outcomeClass: string;
  expression: string;
  found: string;
}
export interface IssueView {
  file: string;
  severity: string;
  severityClass: string;
  ruleId: string;
  fhirpath: string;
  line: string;
  message: string;
}

export interface RowView {
  isGroup: boolean;
  /** Group rows: the sub-heading; steps: '' */
  text: string;
  notRelevant: boolean;
  number: string;
  anchor: string;
  action: string;
  testData: string;
  hasEvidence: boolean;
  hint: string;
  expected: string;
  icon: string;
  statusLabel: string;
  statusClass: StepStatus | 'group';
  actual: string;
  /** Failed checks and validation errors, one line each, for the Actual result cell. */
  findings: string[];
  moreFindings: string;
  suggested: string;
  hasSuggested: boolean;
  checks: CheckView[];
  issues: IssueView[];
  hasDetails: boolean;
  captured: string;
}

export interface SectionView {
  number: string;
  title: string;
  purpose: string;
  notRelevant: boolean;
  rows: RowView[];
}

export interface ProtocolView {
  L: ProtocolLabels;
  lang: string;
  title: string;
  heading: string;
  subtitle: string;
  isDraft: boolean;
  generated: string;
  source: string;
  standard: { nameEn: string; nameDa: string; version: string; type: string };
  versionNote: string;
  /** `Checked against: 1.2.0 (id#version)`, with the reason when it is not the version the protocol tests. */
  checked: string;
  versioning: { version: string; initials: string; date: string; description: string }[];
  prerequisites: string[];
  vendorRows: KeyValue[];
  sutRows: KeyValue[];
  resultRows: KeyValue[];
  verdict: string;
  verdictClass: string;
  counts: { label: string; n: number; cls: string }[];
  failedSteps: string;
  missingEvidence: string;
  useCaseSection: { number: string; title: string; purpose: string };
  useCases: { id: string; description: string; section: string; mandatory: string; notRelevant: string; nr: boolean }[];
  /** Sections printed before the use-case table (3.2), and from it on (3.3.x, 3.4 …), in protocol order. */
  sectionsBefore: SectionView[];
  sectionsAfter: SectionView[];
  files: { file: string; kind: string; filedUnder: string; size: number; sha256: string; archiveName: string }[];
  archiveLine: string;
  hasUnmatched: boolean;
  unmatched: { file: string; reason: string }[];
  environment: KeyValue[];
  tool: string;
}

const ICONS: Record<StepStatus, string> = {
  passed: '✓',
  failed: '✗',
  warning: '⚠',
  partial: '✓✎',
  manual: '✎',
  'no-evidence': '∅',
  'not-relevant': '—',
};
const MAX_FINDINGS = 8;

function issueLine(i: RunIssue): string {
  return `${i.severity} ${i.ruleId}${i.constraintKey ? ` (${i.constraintKey})` : ''} @ ${i.fhirpath || '-'}${i.line !== undefined ? ` (${i.file}:${i.line}${i.column !== undefined ? `:${i.column}` : ''})` : ` (${i.file})`}: ${i.message}`;
}

function checkLine(c: CheckResult): string {
  const found = c.files
    .filter((f) => f.outcome !== 'pass')
    .map((f) => `${f.file}: ${f.error ?? f.actual ?? ''}`)
    .join('; ');
  return `${c.outcome === 'warning' ? '⚠' : '✗'} ${c.description}${c.kind === 'fhirpath' || c.kind === 'business' || c.kind === 'sequence' ? ` [${c.id}]` : ''}${found ? ` — ${found}` : ''}`;
}

function stepRow(s: StepResult, L: ProtocolLabels): RowView {
  const findings = [
    ...s.checks.filter((c) => c.outcome !== 'pass' && c.kind !== 'validate').map(checkLine),
    ...s.checks.filter((c) => c.outcome !== 'pass' && c.kind === 'validate').map(checkLine),
    ...s.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(issueLine),
  ];
  const shown = findings.slice(0, MAX_FINDINGS);
  return {
    isGroup: false,
    text: '',
    notRelevant: s.notRelevant,
    number: s.number,
    anchor: `step-${s.number.replace(/\./g, '-')}`,
    action: s.action,
    testData: s.evidence.join('\n'),
    hasEvidence: s.evidence.length > 0,
    hint: s.testDataHint,
    expected: s.expectedResult,
    icon: ICONS[s.status],
    statusLabel: L.status[s.status],
    statusClass: s.status,
    actual: s.actualResult,
    findings: shown,
    moreFindings: findings.length > shown.length ? `… +${findings.length - shown.length}` : '',
    suggested: s.suggestedGrade ? `${L.suggested}: ${L.grade[s.suggestedGrade]}` : '',
    hasSuggested: s.suggestedGrade !== undefined,
    checks: s.checks.map((c) => ({
      description: c.description,
      outcome: c.outcome,
      outcomeClass: c.outcome,
      expression: c.expression ?? (c.kind === 'validate' ? `${L.profile}: ${c.expected ?? ''}` : (c.expected ?? '')),
      found: c.files.map((f) => `${f.file}: ${f.error ?? f.actual ?? ''}`).join('\n'),
    })),
    issues: s.issues.map((i) => ({
      file: i.file,
      severity: i.severity,
      severityClass: i.severity,
      ruleId: i.ruleId + (i.constraintKey ? ` (${i.constraintKey})` : ''),
      fhirpath: i.fhirpath || '-',
      line: i.line !== undefined ? `${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : '–',
      message: i.message,
    })),
    hasDetails: s.checks.length > 0,
    captured: s.captured.map((c) => `%${c.name} = ${c.value}`).join(', '),
  };
}

function kv(key: string, value: string | undefined, placeholder = ''): KeyValue {
  return { key, value: value ?? placeholder, blank: value === undefined || value === '' };
}

/** The sections before the first one under the use-case heading, and the rest. */
function splitSections(useCaseNumber: string, sections: SectionView[]): { sectionsBefore: SectionView[]; sectionsAfter: SectionView[] } {
  const first = sections.findIndex((s) => s.number === useCaseNumber || s.number.startsWith(`${useCaseNumber}.`));
  const at = first < 0 ? 0 : first;
  return { sectionsBefore: sections.slice(0, at), sectionsAfter: sections.slice(at) };
}

export function buildView(report: ProtocolRunReport): ProtocolView {
  const L = labels(report.lang);
  const p = report.protocol;
  const box = (on: boolean): string => (on ? '☒' : '☐');
  const counts = (Object.entries(report.summary.byStatus) as [StepStatus, number][])
    .filter(([, n]) => n > 0)
    .map(([st, n]) => ({ label: L.status[st], n, cls: st }));
  return {
    L,
    lang: report.lang,
    title: `${p.title} ${p.standard.name} — ${L.summary}: ${L.verdict[report.summary.verdict]}`,
    heading: `${p.title} ${p.standard.name}`,
    subtitle: L.notMedcomApproval,
    isDraft: p.status === 'draft',
    generated: `${L.generatedBy} ${report.generator.name} ${report.generator.version} — ${L.title} ${p.id} ${p.version} (${p.date})${report.generatedAt ? ` — ${L.generatedAt} ${report.generatedAt}` : ''}`,
    source: p.source,
    standard: {
      nameEn: `${L.standardPrefix}${p.standard.nameEn}`,
      nameDa: p.standard.nameDa,
      version: p.standard.version,
      type: p.standard.type,
    },
    versionNote: p.standard.versionNote,
    checked: `${L.checkedAgainst}${p.standard.checkedVersion} (${p.standard.checkedPackage})${p.standard.checkedNote ? ` — ${p.standard.checkedNote}` : ''}`,
    versioning: p.versioning.map((v) => ({ ...v, description: v.description.join('\n') })),
    prerequisites: p.prerequisites,
    vendorRows: [
      kv(L.company, report.vendor.company),
      kv(L.address, report.vendor.address),
      kv(L.contactPerson, report.vendor.contactPerson),
      kv(L.telephone, report.vendor.telephone),
      kv(L.email, report.vendor.email),
    ],
    sutRows: [
      kv(L.system, report.vendor.system),
      kv(L.version, report.vendor.version),
      kv(L.description, report.vendor.description),
      {
        key: L.testType,
        value: `${box(report.testType === 'self-test')} ${L.selfTest}  ${box(report.testType === 'final-test')} ${L.finalTest}`,
        blank: false,
      },
    ],
    resultRows: [
      kv(L.testDate, ''),
      kv(L.testLocation, ''),
      { key: L.approved, value: `☐ ${L.yes}  ☐ ${L.no}`, blank: false },
      kv(L.remarks, ''),
      kv(L.carriedOutBy, ''),
    ],
    verdict: L.verdict[report.summary.verdict],
    verdictClass: report.summary.verdict,
    counts,
    failedSteps: report.summary.failedSteps.join(', ') || L.none,
    missingEvidence: report.summary.missingEvidence.join(', ') || L.none,
    useCaseSection: p.useCaseSection,
    useCases: p.useCases.map((u) => ({
      id: u.id,
      description: u.description,
      section: u.section || L.notPartOfProtocol,
      mandatory: u.mandatory,
      notRelevant: u.notRelevant ? 'N/R' : '',
      nr: u.notRelevant,
    })),
    ...splitSections(
      report.protocol.useCaseSection.number,
      report.sections.map((s) => ({
        number: s.number,
        title: s.title,
        purpose: s.purpose,
        notRelevant: s.notRelevant,
        rows: s.rows.map((r): RowView =>
          r.type === 'group'
            ? {
                isGroup: true,
                text: r.text,
                notRelevant: r.notRelevant,
                number: '',
                anchor: '',
                action: '',
                testData: '',
                hasEvidence: false,
                hint: '',
                expected: '',
                icon: '',
                statusLabel: '',
                statusClass: 'group',
                actual: '',
                findings: [],
                moreFindings: '',
                suggested: '',
                hasSuggested: false,
                checks: [],
                issues: [],
                hasDetails: false,
                captured: '',
              }
            : stepRow(r, L),
        ),
      })),
    ),
    files: report.evidence.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      filedUnder: f.filedUnder.join(', '),
      size: f.size,
      sha256: f.sha256,
      archiveName: f.archiveName,
    })),
    archiveLine: L.archiveLine(report.evidence.archive),
    hasUnmatched: report.evidence.unmatched.length > 0,
    unmatched: report.evidence.unmatched,
    environment: [
      kv(L.validator, report.environment.validator),
      kv(L.profile, report.environment.profile),
      kv(L.terminology, report.environment.terminology),
      kv(L.source, p.source),
    ],
    tool: `${report.generator.name} ${report.generator.version}`,
  };
}
