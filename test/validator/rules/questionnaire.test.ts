/**
 * QuestionnaireResponse against its Questionnaire (src/validator/rules/questionnaire): the cases beside
 * the catalogue's one passing and one failing fixture per rule — nesting, enableWhen, quantities, and
 * where the Questionnaire is found.
 */
import { describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../../src/api/validate.js';
import { PackageSource } from '../../../src/defs/package-source.js';
import type { Validator } from '../../../src/validator/validator.js';
import { issuesOf, validate, validatorFor } from '../../helpers/validate.js';
import { safeRegex } from '../../../src/validator/rules/questionnaire/response.js';

const response = (qItems: unknown[], items: unknown[]): Record<string, unknown> => ({
  resourceType: 'QuestionnaireResponse',
  id: 'r1',
  contained: [{ resourceType: 'Questionnaire', id: 'q', status: 'active', item: qItems }],
  questionnaire: '#q',
  status: 'completed',
  item: items,
});
const questionnaireIds = async (input: unknown): Promise<string[]> =>
  (await validate(input)).issues.filter((i) => i.ruleId.startsWith('questionnaire/')).map((i) => `${i.ruleId} ${i.location.fhirpath}`);

const MAX_5_KM = {
  linkId: 'd',
  type: 'quantity',
  extension: [
    {
      url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity',
      valueQuantity: { value: 5, system: 'http://unitsofmeasure.org', code: 'km' },
    },
  ],
};
const distance = (value: number, code: string): Record<string, unknown> => ({
  linkId: 'd',
  answer: [{ valueQuantity: { value, system: 'http://unitsofmeasure.org', code } }],
});

describe('QuestionnaireResponse against its Questionnaire', () => {
  it('checks items nested under an answer (answer.item) against the question’s items', async () => {
    const q = [{ linkId: 'a', type: 'boolean', item: [{ linkId: 'b', type: 'integer' }] }];
    expect(
      await questionnaireIds(
        response(q, [{ linkId: 'a', answer: [{ valueBoolean: true, item: [{ linkId: 'b', answer: [{ valueInteger: 1 }] }] }] }]),
      ),
    ).toEqual([]);
    expect(
      await questionnaireIds(
        response(q, [{ linkId: 'a', answer: [{ valueBoolean: true, item: [{ linkId: 'b', answer: [{ valueString: '1' }] }] }] }]),
      ),
    ).toEqual(['questionnaire/answer-type QuestionnaireResponse.item[0].answer[0].item[0].answer[0]']);
  });

  it('does not require an item its enableWhen disables', async () => {
    const q = [
      { linkId: 'a', type: 'boolean' },
      { linkId: 'b', type: 'string', required: true, enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
    ];
    expect(await questionnaireIds(response(q, [{ linkId: 'a', answer: [{ valueBoolean: false }] }]))).toEqual([]);
    expect(await questionnaireIds(response(q, [{ linkId: 'a', answer: [{ valueBoolean: true }] }]))).toEqual([
      'questionnaire/required-missing QuestionnaireResponse',
    ]);
  });

  it('compares a quantity with its bound across UCUM units', async () => {
    expect(await questionnaireIds(response([MAX_5_KM], [distance(4000, 'm')]))).toEqual([]);
    expect(await questionnaireIds(response([MAX_5_KM], [distance(6000, 'm')]))).toEqual([
      'questionnaire/answer-constraint QuestionnaireResponse.item[0].answer[0]',
    ]);
  });

  it('finds the Questionnaire among the entries of the Bundle the response is in', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'http://example.org/fhir/Questionnaire/q',
          resource: {
            resourceType: 'Questionnaire',
            id: 'q',
            url: 'http://example.org/Questionnaire/q',
            status: 'active',
            item: [{ linkId: 'a', type: 'string' }],
          },
        },
        {
          fullUrl: 'http://example.org/fhir/QuestionnaireResponse/r',
          resource: {
            resourceType: 'QuestionnaireResponse',
            id: 'r',
            questionnaire: 'http://example.org/Questionnaire/q|1',
            status: 'completed',
            item: [{ linkId: 'x' }],
          },
        },
      ],
    };
    const report = await validate(bundle);
    expect(issuesOf(report, 'questionnaire/unknown-questionnaire')).toEqual([]);
    expect(issuesOf(report, 'questionnaire/linkid-unknown').map((i) => i.location.fhirpath)).toEqual(['Bundle.entry[1].resource.item[0]']);
  });

  it('runs a Questionnaire regex only when it cannot backtrack exponentially; else the answer is not checked (never passed)', async () => {
    for (const p of ['[0-9]{4}', '\\d{3}-\\d{4}', '[A-Z][a-z]+', '(ab)+', 'a|b', '[(+*]+']) expect([p, safeRegex(p)]).toEqual([p, true]);
    for (const p of ['(a+)+', '(a|a)*', '(\\w+\\s?)*', '((ab)*)+', '(a)\\1', '(x*){2,}', '(?:a+)+b', 'a'.repeat(501)])
      expect([p, safeRegex(p)]).toEqual([p, false]);
    const regex = (pattern: string) => [
      { linkId: 's', type: 'string', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/regex', valueString: pattern }] },
    ];
    // the worst shape: an evil pattern and an answer that makes it backtrack — reported at once, not run
    const evil = await validate(response(regex('(a+)+'), [{ linkId: 's', answer: [{ valueString: `${'a'.repeat(5000)}!` }] }]));
    expect(issuesOf(evil, 'questionnaire/not-checked').map((i) => [i.location.fhirpath, i.params['regex']])).toEqual([
      ['QuestionnaireResponse.item[0].answer[0]', '(a+)+'],
    ]);
    expect(issuesOf(evil, 'questionnaire/answer-constraint')).toEqual([]);
    expect(await questionnaireIds(response(regex('[0-9]{4}'), [{ linkId: 's', answer: [{ valueString: '12a4' }] }]))).toEqual([
      'questionnaire/answer-constraint QuestionnaireResponse.item[0].answer[0]',
    ]);
  });
});

describe('a Questionnaire checked as such', () => {
  const ids = async (item: unknown[]): Promise<string[]> =>
    (await validate({ resourceType: 'Questionnaire', id: 'q', status: 'active', item })).issues
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.ruleId}${i.constraintKey ? ':' + i.constraintKey : ''} ${i.location.fhirpath}`);
  const when = (question: string): Record<string, unknown> => ({ question, operator: '=', answerBoolean: true });

  it('leaves three or more enableWhen without enableBehavior to the published que-12 (one finding, not two)', async () => {
    const item = [
      { linkId: 'a', type: 'boolean' },
      { linkId: 'b', type: 'boolean' },
      { linkId: 'c', type: 'boolean' },
      { linkId: 'd', type: 'string', enableWhen: [when('a'), when('b'), when('c')] },
    ];
    expect(await ids(item)).toEqual(['invariants/failed:que-12 Questionnaire.item[3]']);
    expect(await ids([{ ...item[3], enableWhen: [when('a')] }, ...item.slice(0, 3)])).toEqual([]);
  });

  it('refuses an enableWhen on the item itself or on an item nested at any depth, in nested items too', async () => {
    expect(await ids([{ linkId: 'a', type: 'boolean', enableWhen: [when('a')] }])).toEqual([
      'questionnaire/enablewhen-inner Questionnaire.item[0]',
    ]);
    const deep = [
      { linkId: 'x', type: 'boolean' },
      {
        linkId: 'g',
        type: 'group',
        item: [
          {
            linkId: 'h',
            type: 'group',
            enableWhen: [when('x'), when('z')],
            enableBehavior: 'all',
            item: [{ linkId: 'i', type: 'group', item: [{ linkId: 'z', type: 'boolean' }] }],
          },
        ],
      },
    ];
    expect(await ids(deep)).toEqual(['questionnaire/enablewhen-inner Questionnaire.item[1].item[0]']);
  });
});

describe('enableWhenExpression', () => {
  const FORM = 'http://example.org/fhir/Questionnaire/enable-when-expression';
  const item = (extension: unknown): unknown[] => [
    { linkId: 'a', type: 'boolean' },
    { linkId: 'b', type: 'string', required: true, extension: [extension] },
  ];
  const sdc = {
    url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
    valueExpression: { language: 'text/fhirpath', expression: "%resource.item.where(linkId = 'a').answer.value" },
  };
  const kanta = {
    url: 'http://phr.kanta.fi/StructureDefinition/fiphr-ext-questionnaire-enablewhen',
    valueString: "QuestionnaireResponse.descendants().where(linkId='a').answer.value.ofType(boolean)",
  };
  const answers = (a: boolean, b?: string): unknown[] => [
    { linkId: 'a', answer: [{ valueBoolean: a }] },
    ...(b === undefined ? [] : [{ linkId: 'b', answer: [{ valueString: b }] }]),
  ];
  const loaded = async (extension: unknown): Promise<Validator> => {
    const defs = await validationDefinitions();
    const source = new PackageSource({ name: 'example.forms', version: '0.1.0' });
    source.add({ resourceType: 'Questionnaire', id: 'f', url: FORM, status: 'active', item: item(extension) });
    defs.addPackage(source);
    return validatorFor(defs);
  };
  const ids = async (v: Validator, items: unknown[]): Promise<string[]> =>
    (
      await validate({ resourceType: 'QuestionnaireResponse', id: 'r', questionnaire: FORM, status: 'completed', item: items }, [], v)
    ).issues
      .filter((i) => i.ruleId.startsWith('questionnaire/'))
      .map((i) => `${i.ruleId} ${i.location.fhirpath}`);

  it.each([
    ['SDC', sdc],
    ['Kanta', kanta],
  ])('decides whether the item is enabled (%s form), for a Questionnaire loaded as a definition', async (_form, extension) => {
    const v = await loaded(extension);
    expect(await ids(v, answers(false, 'x'))).toEqual(['questionnaire/enablewhen QuestionnaireResponse.item[1]']);
    expect(await ids(v, answers(true))).toEqual(['questionnaire/required-missing QuestionnaireResponse']);
    expect(await ids(v, answers(true, 'x'))).toEqual([]);
    expect(await ids(v, answers(false))).toEqual([]);
  });

  it('does not run the expression of a Questionnaire the document itself carries (undecided: no finding)', async () => {
    expect(await questionnaireIds(response(item(kanta), answers(false, 'x')))).toEqual([]);
    expect(await questionnaireIds(response(item(kanta), answers(true)))).toEqual([]);
  });
});

describe('a string item with an answerValueSet', () => {
  const q = [{ linkId: 's', type: 'string', answerValueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender' }];
  it('takes a code of the value set as its text, and refuses other text', async () => {
    expect(await questionnaireIds(response(q, [{ linkId: 's', answer: [{ valueString: 'female' }] }]))).toEqual([]);
    expect(await questionnaireIds(response(q, [{ linkId: 's', answer: [{ valueString: 'Female person' }] }]))).toEqual([
      'questionnaire/answer-not-allowed QuestionnaireResponse.item[0].answer[0]',
    ]);
  });

  it('is not checked where the value set does not expand here', async () => {
    const open = [{ linkId: 's', type: 'string', answerValueSet: 'http://example.org/fhir/ValueSet/unknown' }];
    expect(await questionnaireIds(response(open, [{ linkId: 's', answer: [{ valueString: 'x' }] }]))).toEqual([
      'questionnaire/not-checked QuestionnaireResponse.item[0].answer[0]',
    ]);
  });
});
