/**
 * Conformance resources checked as such (src/validator/rules/conformance): the cases beside the catalogue's
 * one passing and one failing fixture per rule — which differential paths name an element of the base.
 */
import { describe, expect, it } from 'vitest';
import { elementExists } from '../../../src/validator/rules/conformance/structure-definition.js';
import { igDefinitions } from '../../helpers/validate.js';
import { FhirModel } from '../../../src/validator/model.js';

describe('a differential path names an element of the type it constrains', () => {
  it('through data types, choice elements by type, contentReferences and primitives', async () => {
    const model = new FhirModel((await igDefinitions()).all());
    for (const [path, type] of [
      ['Observation.code.coding.system', 'Observation'],
      ['Observation.valueQuantity', 'Observation'],
      ['Observation.valueQuantity.code', 'Observation'],
      ['Observation.value[x]', 'Observation'],
      ['Observation.component.value[x]', 'Observation'],
      ['Questionnaire.item.item.linkId', 'Questionnaire'],
      ['Patient.birthDate.extension', 'Patient'],
      ['Extension.value[x]', 'Extension'],
      ['Bundle.entry.resource', 'Bundle'],
    ] as const) {
      expect(elementExists(path, type, model), path).toBe(true);
    }
    for (const [path, type] of [
      ['Observation.valueBla', 'Observation'],
      ['Observation.code.coding.sytem', 'Observation'],
      ['Observation...unit', 'Observation'],
      ['Extension.type', 'Extension'],
    ] as const) {
      expect(elementExists(path, type, model), path).toBe(false);
    }
  });
});
