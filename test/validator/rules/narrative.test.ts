/**
 * Narrative XHTML, attachments and JSON input (src/validator/rules/types/narrative.ts, attachment.ts): the cases beside
 * the catalogue's one passing and one failing fixture per rule.
 */
import { describe, expect, it } from 'vitest';
import { firstBadEntity, linkTargets, narrativeLocalLinks, unfollowableLinks } from '../../../src/validator/rules/types/narrative.js';
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

describe('types/narrative-link', () => {
  const list = (div: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    resourceType: 'List',
    id: 'L1',
    status: 'current',
    mode: 'snapshot',
    text: { status: 'generated', div: `<div xmlns="${XHTML}">${div}</div>` },
    contained: [{ resourceType: 'Device', id: 'dev1' }],
    entry: [{ item: { reference: '#dev1' } }],
    ...extra,
  });

  it('reads the fragment links of <a> elements only, not a bare #, and skips comments', () => {
    expect(
      narrativeLocalLinks(
        '<div><a href="#x">x</a><a href="#">top</a><img src="#y"/><!-- <a href="#z"/> --><a href="http://a#b">b</a></div>',
      ),
    ).toEqual(['#x']);
  });

  it('collects resource and element ids and narrative anchors (id, name) of the whole document', () => {
    const bundle = {
      resourceType: 'Bundle',
      id: 'b',
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            id: 'p',
            name: [{ id: 'n1' }],
            text: { div: '<div><p id="para"/><a name="top"> </a></div>' },
          },
        },
      ],
    };
    expect([...linkTargets(bundle)].sort()).toEqual(['b', 'n1', 'p', 'para', 'top']);
  });

  it('resolves a link to a contained resource, an element id or an anchor; a dangling link is one error each', async () => {
    expect(await ids(list('<a href="#dev1">device</a> <a href="#L1">list</a> <p id="here">x</p><a href="#here">here</a>'))).toEqual([]);
    expect(await ids(list('<a href="#hcL1/dev1">device</a><a href="#nowhere">x</a>'))).toEqual([
      'types/narrative-link List.text.div',
      'types/narrative-link List.text.div',
    ]);
  });

  it('resolves a link in an entry to an anchor in another entry of the Bundle', async () => {
    const composition = {
      resourceType: 'Basic',
      id: 'c',
      code: { text: 'x' },
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><a href="#obs-1">observation</a></div>` },
    };
    const observation = {
      resourceType: 'Basic',
      id: 'o',
      code: { text: 'y' },
      text: { status: 'generated', div: `<div xmlns="${XHTML}"><p id="obs-1">the observation</p></div>` },
    };
    const bundle = (entries: unknown[]): unknown => ({
      resourceType: 'Bundle',
      id: 'b',
      type: 'collection',
      entry: entries.map((resource, i) => ({ fullUrl: `http://example.org/fhir/Basic/${i === 0 ? 'c' : 'o'}`, resource })),
    });
    expect(await ids(bundle([composition, observation]))).toEqual([]);
    expect(await ids(bundle([composition]))).toEqual(['types/narrative-link Bundle.entry[0].resource.text.div']);
  });
});

describe('types/narrative-link-scheme', () => {
  it('reads the URN links and images of a narrative, any case; other schemes and fragments pass', () => {
    expect(
      unfollowableLinks(
        '<div><a href="urn:uuid:1">a</a><img src="URN:oid:1.2"/><a href="https://x">b</a><a href="#x">c</a><a href="mailto:a@b">d</a><p title="urn:x">e</p></div>',
      ),
    ).toEqual([
      { url: 'urn:uuid:1', scheme: 'urn' },
      { url: 'URN:oid:1.2', scheme: 'urn' },
    ]);
  });

  it('is one error per distinct link, in every entry of a Bundle, also where the urn:uuid is an entry’s fullUrl', async () => {
    const uuid = 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520';
    const bundle = {
      resourceType: 'Bundle',
      id: 'b',
      type: 'collection',
      entry: [
        {
          fullUrl: uuid,
          resource: {
            resourceType: 'Basic',
            code: { text: 'x' },
            text: {
              status: 'generated',
              div: `<div xmlns="${XHTML}"><a href="${uuid}">me</a> <a href="${uuid}">again</a> <a href="urn:oid:1.2.208.176">other</a></div>`,
            },
          },
        },
      ],
    };
    expect(await ids(bundle)).toEqual([
      'types/narrative-link-scheme Bundle.entry[0].resource.text.div',
      'types/narrative-link-scheme Bundle.entry[0].resource.text.div',
    ]);
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
