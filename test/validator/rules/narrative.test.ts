/**
 * Narrative XHTML, attachments and JSON input (src/validator/rules/types/narrative.ts, attachment.ts): the cases beside
 * the catalogue's one passing and one failing fixture per rule.
 */
import { describe, expect, it } from 'vitest';
import { firstBadEntity } from '../../../src/validator/rules/types/narrative.js';
import { base64Length } from '../../../src/validator/rules/types/attachment.js';
import { sharedValidator, validate } from '../../helpers/validate.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const ids = async (input: unknown): Promise<string[]> =>
  (await validate(input)).issues.filter((i) => i.severity === 'error').map((i) => `${i.ruleId} ${i.location.fhirpath}`);

describe('types/xhtml-entity', () => {
  it('accepts the five XML entities and character references to XML characters', () => {
    expect(firstBadEntity(`<div xmlns="${XHTML}">&amp; &lt; &gt; &quot; &apos; &#174; &#xAE; &#x1F600;</div>`)).toBeUndefined();
  });

  it('refuses HTML entities and references to no XML character, the first one found', () => {
    expect(firstBadEntity('<div>a&nbsp;b &copy;</div>')).toBe('&nbsp;');
    expect(firstBadEntity('<div>&#0;</div>')).toBe('&#0;');
    expect(firstBadEntity('<div>&#xFFFE;</div>')).toBe('&#xFFFE;');
  });

  it('skips comments and CDATA, and leaves a bare ampersand to the parser', () => {
    expect(firstBadEntity('<div><!-- &reg; < --><![CDATA[&copy;]]>a & b</div>')).toBeUndefined();
    expect(firstBadEntity('<div><!-- x -->&reg;</div>')).toBe('&reg;');
  });

  it('is one finding per narrative, at its div', async () => {
    const p = { resourceType: 'Patient', id: 'p', text: { status: 'generated', div: `<div xmlns="${XHTML}">&reg; &copy;</div>` } };
    expect(await ids(p)).toEqual(['types/xhtml-entity Patient.text.div']);
  });

  it('reads FHIR XML narrative with character references without a finding; an HTML entity there does not parse', async () => {
    const xml = (body: string): string =>
      `<Patient xmlns="http://hl7.org/fhir"><id value="p"/><text><status value="generated"/><div xmlns="${XHTML}">${body}</div></text></Patient>`;
    const v = await sharedValidator();
    expect(v.validateText('p.xml', xml('&#174; &amp;'), { profiles: [] }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(v.validateText('p.xml', xml('&reg;'), { profiles: [] }).issues.map((i) => i.ruleId)).toEqual(['input/unreadable']);
  });
});

describe('types/attachment-size', () => {
  it('counts decoded bytes: padding, whitespace', () => {
    expect(base64Length('aGVsbG8=')).toBe(5);
    expect(base64Length('aGVs\nbG8h')).toBe(6);
    expect(base64Length('aGVsbA==')).toBe(4);
    expect(base64Length('not base64!')).toBeUndefined();
  });

  it('checks every Attachment, not only a profile’s', async () => {
    const media = {
      resourceType: 'Media',
      id: 'm',
      status: 'completed',
      content: { contentType: 'application/octet-stream', data: 'aGVsbG8=', size: 14 },
    };
    expect(await ids(media)).toEqual(['types/attachment-size Media.content.size']);
    expect(await ids({ ...media, content: { ...media.content, size: 5 } })).toEqual([]);
    // a url only, or no size: nothing to compare
    expect(await ids({ ...media, content: { contentType: 'text/plain', url: 'http://example.org/a.txt', size: 14 } })).toEqual([]);
  });
});

describe('fhir_comments (a DSTU2 JSON property)', () => {
  it('is an unknown element in R4 JSON, as in the HL7 validator', async () => {
    expect(await ids({ resourceType: 'Patient', id: 'p', fhir_comments: ['a comment'] })).toEqual([
      'structure/unknown-element Patient.fhir_comments',
    ]);
  });
});

describe('types/uri-uuid', () => {
  it('checks urn:uuid values of uri, url and canonical elements, and leaves other schemes and strings alone', async () => {
    const bad = 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520asdf';
    const good = 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520';
    expect(await ids({ resourceType: 'Patient', id: 'p', identifier: [{ system: bad, value: bad }] })).toEqual([
      'types/uri-uuid Patient.identifier[0].system',
    ]);
    expect(await ids({ resourceType: 'Patient', id: 'p', photo: [{ url: bad }] })).toEqual(['types/uri-uuid Patient.photo[0].url']);
    expect(await ids({ resourceType: 'Patient', id: 'p', identifier: [{ system: good }, { system: 'urn:oid:1.2.208.176.1.2' }] })).toEqual(
      [],
    );
  });
});
