/**
 * The Markdown (GitHub-flavoured) report template, a TS string so that tsc carries it into dist/.
 * Every vendor value goes through `{{md …}}` (./env.ts): HTML-escaped, Markdown punctuation and
 * `|` backslash-escaped, line breaks as `<br>`. Values that are ours (labels, counts, hrefs) use
 * plain `{{…}}`, which HTML-escapes too.
 */
export const MD_TEMPLATE = `# {{labels.heading}}

**{{summary}}**
{{#if against}}

{{md against}}
{{/if}}

{{labels.generatedBy}} {{tool}}{{#if generatedAt}} · {{labels.generatedAt}} {{generatedAt}}{{/if}}
{{#each files}}

## {{md file}}

{{#if hasIssues}}
**{{status}}** · {{counts}}
{{#if profiles.length}}

{{@root.labels.profiles}}: {{#each profiles}}{{#if @index}}, {{/if}}{{md this}}{{/each}}
{{/if}}

| {{@root.labels.severity}} | {{@root.labels.rule}} | {{@root.labels.location}} | {{@root.labels.fhirpath}} | {{@root.labels.message}} | {{@root.labels.element}} |
| --- | --- | --- | --- | --- | --- |
{{#each issues}}
| {{severityLabel}} | [{{md ruleId}}]({{ruleHref}}) | {{position}} | {{md fhirpath}} | {{md message}} | {{md element}} |
{{/each}}
{{else}}
**{{status}}** · {{@root.labels.noIssues}}
{{/if}}
{{else}}

{{labels.noFiles}}
{{/each}}
`;
