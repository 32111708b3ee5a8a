/**
 * The Markdown (GitHub-flavoured) report template, a TS string so that tsc carries it into dist/. Compiled
 * without HTML escaping (./env.ts, `markdown`): the report holds no HTML entities. Every vendor value goes
 * through `{{md …}}` (Markdown punctuation and `|` backslash-escaped, line breaks as spaces); values that are
 * ours (labels, counts, percent-encoded hrefs) are printed as they are. Follow-ons (`causedBy`) are folded
 * into one row under their root.
 */
export const MD_TEMPLATE = `# {{labels.heading}}

**{{md summary}}**
{{#if against}}

{{md against}}
{{/if}}

{{labels.generatedBy}} {{md tool}}{{#if generatedAt}} · {{labels.generatedAt}} {{md generatedAt}}{{/if}}
{{#each files}}

## {{md file}}

{{#if hasIssues}}
**{{status}}** · {{counts}}
{{#if profiles.length}}

{{@root.labels.profiles}}: {{#each profiles}}{{#if @index}}, {{/if}}{{md this}}{{/each}}
{{/if}}

| {{@root.labels.severity}} | {{@root.labels.rule}} | {{@root.labels.location}} | {{@root.labels.fhirpath}} | {{@root.labels.message}} | {{@root.labels.element}} |
| --- | --- | --- | --- | --- | --- |
{{#each groups}}
{{#with root}}
| {{severityLabel}} | [{{md ruleId}}]({{ruleHref}}) | {{position}} | {{md fhirpath}} | {{md message}} | {{md element}} |
{{/with}}
{{#if followOns.length}}
|  |  |  |  | ↳ {{followOnLabel}}: {{md followOnRules}} |  |
{{/if}}
{{/each}}
{{else}}
**{{status}}** · {{@root.labels.noIssues}}
{{/if}}
{{else}}

{{labels.noFiles}}
{{/each}}
`;
