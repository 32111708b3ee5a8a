/**
 * The protocol report templates (TS strings, so tsc carries them into dist/), compiled in the
 * report renderers' isolated, strict, escaping Handlebars environment (src/report/templates/env.ts):
 * no `{{{…}}}` anywhere; Markdown cells go through `{{md …}}`.
 */

import { pageHead } from '../../util/html-page.js';

export const PROTOCOL_MD = `# {{md heading}}

_{{md subtitle}}_{{#if isDraft}} **{{md L.draft}}**{{/if}}

_{{md generated}}_

{{md L.standardIntro}}

| {{md L.stdNameEn}} | {{md L.stdNameDa}} | {{md L.stdVersion}} | {{md L.stdType}} |
|---|---|---|---|
| {{md standard.nameEn}} | {{md standard.nameDa}} | {{md standard.version}} | {{md standard.type}} |

{{#if versionNote}}> {{md versionNote}}
{{/if}}

{{md checked}}

**{{md L.versioning}}**

| {{md L.verVersion}} | {{md L.verInitials}} | {{md L.verDate}} | {{md L.verDescription}} |
|---|---|---|---|
{{#each versioning}}| {{md version}} | {{md initials}} | {{md date}} | {{md description}} |
{{/each}}

**{{md L.prerequisites}}**

{{#each prerequisites}}- {{md this}}
{{/each}}

## 2 {{md L.vendorHeading}}

### 2.1 {{md L.vendorInfo}}

_{{md L.vendorNote}}_

| {{md L.vendorInfo}} | |
|---|---|
{{#each vendorRows}}| {{md key}} | {{#if blank}}_{{md @root.L.completedByVendor}}_{{else}}{{md value}}{{/if}} |
{{/each}}

### 2.2 {{md L.sutInfo}}

| {{md L.sutInfo}} | |
|---|---|
{{#each sutRows}}| {{md key}} | {{#if blank}}_{{md @root.L.completedByVendor}}_{{else}}{{md value}}{{/if}} |
{{/each}}

### 2.3 {{md L.resultInfo}}

_{{md L.resultNote}}_

| {{md L.resultInfo}} | |
|---|---|
{{#each resultRows}}| {{md key}} | {{#if blank}} {{else}}{{md value}}{{/if}} |
{{/each}}

## {{md L.summary}}

**{{md verdict}}**

{{#each counts}}{{md label}}: {{n}}{{#unless @last}} · {{/unless}}{{/each}}

- {{md L.failedSteps}}: {{md failedSteps}}
- {{md L.missingEvidence}}: {{md missingEvidence}}

> {{md L.suggestedNote}}

{{#*inline "section"}}

### {{md number}} {{md title}}

{{#if purpose}}{{md purpose}}

{{/if}}
| {{md @root.L.colStep}} | {{md @root.L.colAction}} | {{md @root.L.colTestData}} | {{md @root.L.colExpected}} | {{md @root.L.colActual}} | {{md @root.L.colAssessment}} |
|---|---|---|---|---|---|
{{#each rows}}{{#if isGroup}}| **{{md text}}** | | | | | |
{{else}}| {{md number}} | {{md action}} | {{#if hasEvidence}}{{md testData}}{{else}}{{#if hint}}_{{md @root.L.testDataHint}}: {{md hint}}_{{/if}}{{/if}} | {{md expected}} | {{md icon}} **{{md statusLabel}}** — {{md actual}}{{#each findings}}<br>{{md this}}{{/each}}{{#if moreFindings}}<br>{{md moreFindings}}{{/if}}{{#if captured}}<br>{{md @root.L.capturedVars}}: {{md captured}}{{/if}}{{#if hasSuggested}}<br>_{{md suggested}}_{{/if}} | |
{{/if}}{{/each}}
{{#each rows}}{{#if hasDetails}}
<details><summary>{{md number}} — {{md @root.L.checks}} ({{md statusLabel}})</summary>

| {{md @root.L.check}} | {{md @root.L.outcome}} | {{md @root.L.expression}} | {{md @root.L.actual}} |
|---|---|---|---|
{{#each checks}}| {{md description}} | {{md outcome}} | {{md expression}} | {{md found}} |
{{/each}}
{{#if issues.length}}

| {{md @root.L.severity}} | {{md @root.L.rule}} | {{md @root.L.location}} | {{md @root.L.line}} | {{md @root.L.file}} | {{md @root.L.message}} |
|---|---|---|---|---|---|
{{#each issues}}| {{md severity}} | {{md ruleId}} | {{md fhirpath}} | {{md line}} | {{md file}} | {{md message}} |
{{/each}}
{{/if}}

</details>
{{/if}}{{/each}}
{{/inline}}
## 3 {{md L.theTest}}
{{#each sectionsBefore}}{{> section}}{{/each}}

### {{md useCaseSection.number}} {{md useCaseSection.title}}

{{#if useCaseSection.purpose}}{{md useCaseSection.purpose}}
{{/if}}

| {{md L.ucUseCase}} | {{md L.ucDescription}} | {{md L.ucSection}} | {{md L.ucMandatory}} | {{md L.ucNotRelevant}} |
|---|---|---|---|---|
{{#each useCases}}| {{md id}} | {{md description}} | {{md section}} | {{md mandatory}} | {{md notRelevant}} |
{{/each}}
{{#each sectionsAfter}}{{> section}}{{/each}}

## {{md L.evidenceHeading}}

{{md archiveLine}}

| {{md L.file}} | {{md L.evidenceKind}} | {{md L.filedUnder}} | {{md L.archiveName}} | {{md L.sha256}} |
|---|---|---|---|---|
{{#each files}}| {{md file}} | {{md kind}} | {{md filedUnder}} | {{md archiveName}} | {{md sha256}} |
{{/each}}

### {{md L.unmatchedHeading}}

{{#if hasUnmatched}}
| {{md L.file}} | {{md L.reason}} |
|---|---|
{{#each unmatched}}| {{md file}} | {{md reason}} |
{{/each}}
{{else}}
{{md L.noUnmatched}}
{{/if}}

## {{md L.environment}}

{{#each environment}}- {{md key}}: {{md value}}
{{/each}}
`;

export const PROTOCOL_HTML = `${pageHead({ lang: '{{lang}}', title: '{{title}}', generator: '{{tool}}' })}<style>
:root{--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#8c959f;--head:#dde4ea;--group:#eef1f4;--err:#cf222e;--warn:#9a6700;--ok:#1a7f37;--info:#0969da}
body{font:13px/1.4 Calibri,"Segoe UI",system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:110rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0}
h2{font-size:1.25rem;margin:1.6rem 0 .5rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.sub{color:var(--err);font-weight:600;margin:.2rem 0}
.meta,.note{color:var(--muted)}
.draft{background:#fff8c5;border:1px solid #d4a72c;padding:.3rem .6rem;display:inline-block}
table{border-collapse:collapse;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:var(--head)}
td{white-space:pre-line;overflow-wrap:anywhere}
table.protocol{width:100%;table-layout:fixed}
table.protocol col.c1{width:6%}table.protocol col.c2{width:22%}table.protocol col.c3{width:16%}table.protocol col.c4{width:19%}table.protocol col.c5{width:28%}table.protocol col.c6{width:9%}
tr.group td{background:var(--group);font-weight:600}
tr.nr td{color:var(--muted);background:#f6f8fa}
tr.evidence td{background:#fbfcfd;font-size:.92em}
.status{font-weight:600}
.status.passed{color:var(--ok)}.status.failed{color:var(--err)}.status.warning{color:var(--warn)}.status.partial{color:var(--ok)}.status.manual,.status.no-evidence,.status.not-relevant{color:var(--muted)}
.finding{display:block;color:var(--err);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em;margin-top:.2rem}
.suggested{display:block;margin-top:.35rem;color:var(--muted);font-style:italic;border-top:1px dashed var(--line);padding-top:.2rem}
.hint{color:var(--muted);font-style:italic}
.assessment{color:var(--muted)}
code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.verdict{font-size:1.15rem;font-weight:700}.verdict.pass{color:var(--ok)}.verdict.fail{color:var(--err)}.verdict.incomplete{color:var(--warn)}.verdict.manual{color:var(--muted)}
td.outcome.pass{color:var(--ok)}td.outcome.fail,td.outcome.error{color:var(--err)}td.outcome.warning{color:var(--warn)}
td.sev.error,td.sev.fatal{color:var(--err);font-weight:600}td.sev.warning{color:var(--warn)}
details summary{cursor:pointer}
@media print{@page{size:A4 landscape;margin:12mm}body{max-width:none}}
</style>
</head>
<body>
<header>
<h1>{{heading}}</h1>
<p class="sub">{{subtitle}}</p>
{{#if isDraft}}<p class="draft">{{L.draft}}</p>{{/if}}
<p class="meta">{{generated}}</p>
</header>

<p>{{L.standardIntro}}</p>
<table class="standard">
<thead><tr><th>{{L.stdNameEn}}</th><th>{{L.stdNameDa}}</th><th>{{L.stdVersion}}</th><th>{{L.stdType}}</th></tr></thead>
<tbody><tr><td>{{standard.nameEn}}</td><td>{{standard.nameDa}}</td><td>{{standard.version}}</td><td>{{standard.type}}</td></tr></tbody>
</table>
{{#if versionNote}}<p class="note">{{versionNote}}</p>{{/if}}
<p class="note checked">{{checked}}</p>

<table class="versioning">
<thead><tr><th colspan="4">{{L.versioning}}</th></tr><tr><th>{{L.verVersion}}</th><th>{{L.verInitials}}</th><th>{{L.verDate}}</th><th>{{L.verDescription}}</th></tr></thead>
<tbody>{{#each versioning}}<tr><td>{{version}}</td><td>{{initials}}</td><td>{{date}}</td><td>{{description}}</td></tr>{{/each}}</tbody>
</table>

<h3>{{L.prerequisites}}</h3>
<ul>{{#each prerequisites}}<li>{{this}}</li>{{/each}}</ul>

<h2>2 {{L.vendorHeading}}</h2>
<h3>2.1 {{L.vendorInfo}}</h3>
<p class="note">{{L.vendorNote}}</p>
<table class="kv">{{#each vendorRows}}<tr><th>{{key}}</th><td>{{#if blank}}<span class="hint">{{@root.L.completedByVendor}}</span>{{else}}{{value}}{{/if}}</td></tr>{{/each}}</table>
<h3>2.2 {{L.sutInfo}}</h3>
<table class="kv">{{#each sutRows}}<tr><th>{{key}}</th><td>{{#if blank}}<span class="hint">{{@root.L.completedByVendor}}</span>{{else}}{{value}}{{/if}}</td></tr>{{/each}}</table>
<h3>2.3 {{L.resultInfo}}</h3>
<p class="note">{{L.resultNote}}</p>
<table class="kv">{{#each resultRows}}<tr><th>{{key}}</th><td>{{#if blank}}&nbsp;{{else}}{{value}}{{/if}}</td></tr>{{/each}}</table>

<h2>{{L.summary}}</h2>
<p class="verdict {{verdictClass}}">{{verdict}}</p>
<p>{{#each counts}}<span class="status {{cls}}">{{label}}: {{n}}</span>{{#unless @last}} · {{/unless}}{{/each}}</p>
<p>{{L.failedSteps}}: {{failedSteps}}<br>{{L.missingEvidence}}: {{missingEvidence}}</p>
<p class="note">{{L.suggestedNote}}</p>

{{#*inline "section"}}
<section class="protocol-section" id="section-{{number}}">
<h3>{{number}} {{title}}</h3>
{{#if purpose}}<p>{{purpose}}</p>{{/if}}
<table class="protocol">
<colgroup><col class="c1"><col class="c2"><col class="c3"><col class="c4"><col class="c5"><col class="c6"></colgroup>
<thead><tr><th>{{@root.L.colStep}}</th><th>{{@root.L.colAction}}</th><th>{{@root.L.colTestData}}</th><th>{{@root.L.colExpected}}</th><th>{{@root.L.colActual}}</th><th>{{@root.L.colAssessment}}</th></tr></thead>
<tbody>
{{#each rows}}{{#if isGroup}}<tr class="group{{#if notRelevant}} nr{{/if}}"><td colspan="6">{{text}}</td></tr>
{{else}}<tr id="{{anchor}}" class="step {{statusClass}}{{#if notRelevant}} nr{{/if}}"><td>{{number}}</td><td>{{action}}</td><td>{{#if hasEvidence}}<span class="mono">{{testData}}</span>{{else}}{{#if hint}}<span class="hint">{{@root.L.testDataHint}}: {{hint}}</span>{{/if}}{{/if}}</td><td>{{expected}}</td><td><span class="status {{statusClass}}">{{icon}} {{statusLabel}}</span>
{{actual}}{{#each findings}}<span class="finding">{{this}}</span>{{/each}}{{#if moreFindings}}<span class="finding">{{moreFindings}}</span>{{/if}}{{#if captured}}<span class="note">{{@root.L.capturedVars}}: {{captured}}</span>{{/if}}{{#if hasSuggested}}<span class="suggested">{{suggested}}</span>{{/if}}</td><td class="assessment"></td></tr>
{{#if hasDetails}}<tr class="evidence"><td colspan="6"><details><summary>{{number}} — {{@root.L.checks}}</summary>
<table><thead><tr><th>{{@root.L.check}}</th><th>{{@root.L.outcome}}</th><th>{{@root.L.expression}}</th><th>{{@root.L.actual}}</th></tr></thead><tbody>
{{#each checks}}<tr><td>{{description}}</td><td class="outcome {{outcomeClass}}">{{outcome}}</td><td class="mono">{{expression}}</td><td class="mono">{{found}}</td></tr>{{/each}}
</tbody></table>
{{#if issues.length}}<table><thead><tr><th>{{@root.L.severity}}</th><th>{{@root.L.rule}}</th><th>{{@root.L.location}}</th><th>{{@root.L.line}}</th><th>{{@root.L.file}}</th><th>{{@root.L.message}}</th></tr></thead><tbody>
{{#each issues}}<tr><td class="sev {{severityClass}}">{{severity}}</td><td class="mono">{{ruleId}}</td><td class="mono">{{fhirpath}}</td><td>{{line}}</td><td class="mono">{{file}}</td><td>{{message}}</td></tr>{{/each}}
</tbody></table>{{/if}}
</details></td></tr>{{/if}}
{{/if}}{{/each}}
</tbody>
</table>
</section>
{{/inline}}
<h2>3 {{L.theTest}}</h2>
{{#each sectionsBefore}}{{> section}}{{/each}}
<h3>{{useCaseSection.number}} {{useCaseSection.title}}</h3>
{{#if useCaseSection.purpose}}<p>{{useCaseSection.purpose}}</p>{{/if}}
<table class="usecases">
<thead><tr><th>{{L.ucUseCase}}</th><th>{{L.ucDescription}}</th><th>{{L.ucSection}}</th><th>{{L.ucMandatory}}</th><th>{{L.ucNotRelevant}}</th></tr></thead>
<tbody>{{#each useCases}}<tr{{#if nr}} class="nr"{{/if}}><td>{{id}}</td><td>{{description}}</td><td>{{section}}</td><td>{{mandatory}}</td><td>{{notRelevant}}</td></tr>{{/each}}</tbody>
</table>

{{#each sectionsAfter}}{{> section}}{{/each}}

<h2>{{L.evidenceHeading}}</h2>
<p>{{archiveLine}}</p>
<table class="files"><thead><tr><th>{{L.file}}</th><th>{{L.evidenceKind}}</th><th>{{L.filedUnder}}</th><th>{{L.archiveName}}</th><th>{{L.sha256}}</th></tr></thead>
<tbody>{{#each files}}<tr><td class="mono">{{file}}</td><td>{{kind}}</td><td>{{filedUnder}}</td><td class="mono">{{archiveName}}</td><td class="mono">{{sha256}}</td></tr>{{/each}}</tbody></table>
<h3>{{L.unmatchedHeading}}</h3>
{{#if hasUnmatched}}<table class="unmatched"><thead><tr><th>{{L.file}}</th><th>{{L.reason}}</th></tr></thead>
<tbody>{{#each unmatched}}<tr><td class="mono">{{file}}</td><td>{{reason}}</td></tr>{{/each}}</tbody></table>{{else}}<p>{{L.noUnmatched}}</p>{{/if}}

<h2>{{L.environment}}</h2>
<table class="kv">{{#each environment}}<tr><th>{{key}}</th><td>{{value}}</td></tr>{{/each}}</table>
</body>
</html>
`;
