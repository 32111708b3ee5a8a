/**
 * The HTML report template (a TS string so that tsc carries it into dist/). One self-contained
 * page: inline CSS, no scripts, no external assets. Compiled strict and escaping (./env.ts):
 * never use `{{{…}}}` here, every value may be vendor text.
 */
import { pageHead } from '../../util/html-page.js';

export const HTML_TEMPLATE = `${pageHead({ lang: '{{lang}}', title: '{{title}}', generator: '{{tool}}' })}<style>
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--err:#cf222e;--warn:#9a6700;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--head:#151b23;--err:#f85149;--warn:#d29922;--info:#4493f8}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:90rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.05rem;font-weight:600;margin:0}
.summary{font-size:1.1rem;margin:0}
.meta,.counts,.profiles,.none{color:var(--muted)}
.meta{margin:.25rem 0 1rem}
section.file{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
section.clean{padding:.35rem 1rem;margin:.35rem 0}
section.clean p,.counts,.profiles{margin:.25rem 0 0}
section.clean p{margin:0}
.name,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:2em;padding:0 .6em;margin-right:.4em;font-size:.8rem;font-weight:600;color:#fff;vertical-align:.1em}
.badge.valid{background:#1a7f37}
.badge.invalid{background:#cf222e}
.table{overflow-x:auto;margin-top:.6rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600;white-space:nowrap}
section.overview{margin:1rem 0 1.5rem}
.num{text-align:right}
td.pos,td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
td.msg{white-space:pre-wrap;overflow-wrap:anywhere}
td.rule,td.sev{white-space:nowrap}
.sev{font-weight:600}
.sev.fatal,.sev.error{color:var(--err)}
.sev.warning{color:var(--warn)}
.sev.information{color:var(--info)}
a{color:var(--info)}
.advice{white-space:normal;color:var(--muted);margin-top:.25rem}
tr.follow-ons>td{padding:0 .5rem .3rem 1.5rem;border-top:none}
tr.follow-ons details>summary{cursor:pointer;color:var(--muted);padding:.25rem 0}
tr.follow-ons table{margin:.25rem 0}
</style>
</head>
<body>
{{#*inline "row"}}
<tr{{#if anchor}} id="{{anchor}}"{{/if}}><td class="sev {{severity}}">{{severityLabel}}</td><td class="rule"><a href="{{ruleHref}}">{{ruleId}}</a></td><td class="pos">{{position}}</td><td class="path"><code>{{fhirpath}}</code></td><td class="msg">{{message}}{{#if advice}}<div class="advice">{{@root.labels.whatToDo}} {{advice}}</div>{{/if}}</td><td class="el"{{#if profile}} title="{{profile}}"{{/if}}><code>{{element}}</code></td></tr>
{{/inline}}
<header>
<h1>{{labels.heading}}</h1>
<p class="summary">{{summary}}</p>
{{#if against}}
<p class="meta against">{{against}}</p>
{{/if}}
<p class="meta">{{labels.generatedBy}} {{tool}}{{#if generatedAt}} · {{labels.generatedAt}} {{generatedAt}}{{/if}}</p>
</header>
<main>
{{#if overview}}
<section class="overview">
<h2>{{labels.summary}}</h2>
<div class="table">
<table>
<thead><tr><th>{{labels.file}}</th><th>{{labels.status}}</th><th class="num">{{labels.errors}}</th><th class="num">{{labels.warnings}}</th><th class="num">{{labels.information}}</th></tr></thead>
<tbody>
{{#each files}}
<tr><td><a class="name" href="#{{anchor}}">{{file}}</a></td><td><span class="badge {{#if valid}}valid{{else}}invalid{{/if}}">{{status}}</span></td><td class="num">{{errors}}</td><td class="num">{{warnings}}</td><td class="num">{{information}}</td></tr>
{{/each}}
</tbody>
</table>
</div>
</section>
{{/if}}
{{#each files}}
{{#if hasIssues}}
<section class="file" id="{{anchor}}">
<h2><span class="badge {{#if valid}}valid{{else}}invalid{{/if}}">{{status}}</span><span class="name">{{file}}</span></h2>
<p class="counts">{{counts}}</p>
{{#if profiles.length}}
<p class="profiles">{{@root.labels.profiles}}: {{#each profiles}}{{#if @index}}, {{/if}}<code>{{this}}</code>{{/each}}</p>
{{/if}}
<div class="table">
<table>
<thead><tr><th>{{@root.labels.severity}}</th><th>{{@root.labels.rule}}</th><th>{{@root.labels.location}}</th><th>{{@root.labels.fhirpath}}</th><th>{{@root.labels.message}}</th><th>{{@root.labels.element}}</th></tr></thead>
<tbody>
{{#each groups}}
{{#with root}}
{{> row}}
{{/with}}
{{#if followOns.length}}
<tr class="follow-ons"><td colspan="6"><details><summary>{{followOnLabel}} ({{followOnRules}})</summary>
<table>
<tbody>
{{#each followOns}}
{{> row}}
{{/each}}
</tbody>
</table>
</details></td></tr>
{{/if}}
{{/each}}
</tbody>
</table>
</div>
</section>
{{else}}
<section class="file clean" id="{{anchor}}"><p><span class="badge {{#if valid}}valid{{else}}invalid{{/if}}">{{status}}</span><span class="name">{{file}}</span> <span class="none">– {{@root.labels.noIssues}}</span></p></section>
{{/if}}
{{else}}
<p>{{labels.noFiles}}</p>
{{/each}}
</main>
</body>
</html>
`;
