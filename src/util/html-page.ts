/**
 * The start of every HTML page the toolkit writes (the validation and protocol reports, the diff,
 * the self-test page; the documentation site can use it too): doctype, language, UTF-8, the
 * viewport, what generated it, the title. Values go in as given: in a Handlebars template a
 * `{{…}}` expression, which the template escapes; otherwise fixed text of ours.
 */
export interface PageHead {
  /** The page's language (`en`, `{{lang}}`). */
  lang: string;
  title: string;
  /** What made the page (`{{tool}}`): a `generator` meta element. */
  generator?: string;
}

/** `<!DOCTYPE html>` up to and including the `<title>` line; the caller adds its style or links and closes `</head>`. */
export function pageHead(head: PageHead): string {
  return `<!DOCTYPE html>
<html lang="${head.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head.generator !== undefined ? `<meta name="generator" content="${head.generator}">\n` : ''}<title>${head.title}</title>
`;
}
