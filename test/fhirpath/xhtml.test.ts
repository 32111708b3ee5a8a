/**
 * htmlChecks() (txt-1, txt-2): the narrative subset of XHTML, as FHIR R4 defines it.
 */
import { describe, expect, it } from 'vitest';
import { htmlChecks } from '../../src/fhirpath/xhtml.js';

const div = (inner: string, attrs = ''): string => `<div xmlns="http://www.w3.org/1999/xhtml"${attrs}>${inner}</div>`;

describe('htmlChecks', () => {
  it.each([
    ['plain text', div('Hello')],
    ['formatting and tables', div('<p><b>Name</b>: <i>Jensen</i></p><table class="x"><tbody><tr><td>1</td></tr></tbody></table>')],
    ['an image alone', div('<img src="data:image/png;base64,AAAA" alt=""/>')],
    ['a link', div('<a href="https://medcom.dk">MedCom</a>')],
    ['a prefixed element', div('<xhtml:p>x</xhtml:p>')],
    ['single-quoted namespace and surrounding space', `  <div xmlns='http://www.w3.org/1999/xhtml'>x</div>\n`],
    ['attributes with > inside quotes', div('<span title="a > b">x</span>')],
    ['an attribute named like an event but not one', div('<span lang="da" title="only">x</span>')],
    ['entities', div('Hansen &amp; S&#248;n')],
    ['a comment', div('<!-- generated -->x')],
  ])('accepts %s', (_what, xhtml) => {
    expect(htmlChecks(xhtml)).toEqual({ ok: true });
  });

  it.each([
    ['no div', '<p xmlns="http://www.w3.org/1999/xhtml">x</p>'],
    ['no namespace', '<div>x</div>'],
    ['a script', div('<script>alert(1)</script>x')],
    ['a form', div('<form><input/></form>')],
    ['an event handler', div('<p onclick="alert(1)">x</p>')],
    ['an event handler in upper case', div('<p ONMOUSEOVER="x">x</p>')],
    ['a javascript: link', div('<a href="javascript:alert(1)">x</a>')],
    ['a javascript: image, quoted with spaces', div(`<img src=' JavaScript:alert(1)'/>x`)],
    ['CDATA', div('<![CDATA[x]]>')],
    ['a processing instruction', div('<?xml-stylesheet x?>x')],
    ['a DOCTYPE, in any case', div('<!doctype html>x')],
    ['no content', div('  ')],
    ['only non-breaking spaces', div('<p>&nbsp;&#160;</p>')],
    ['an event handler on the div itself', div('x', ' onload="x"')],
  ])('rejects %s', (_what, xhtml) => {
    const r = htmlChecks(xhtml);
    expect(r.ok).toBe(false);
    expect(r.reason).toBeTruthy();
  });
});
