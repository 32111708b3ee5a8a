import { describe, expect, it } from 'vitest';
import { defineValueSet, externalValueSet, pinnedValueSet, preferred, required } from '../../src/dsl/index.js';
import { lowerBinding } from '../../src/dsl/types.js';
import { testPackage } from '../helpers/compile.js';

const pkg = testPackage();
const Local = defineValueSet(pkg, { id: 'local', name: 'Local', include: [{ system: 'http://example.org/cs', concepts: ['a'] }] });

describe('bindings name their value set by handle', () => {
  it('an authored value set binds by its canonical, without version', () => {
    expect(lowerBinding(required(Local))).toEqual({ strength: 'required', valueSet: 'http://example.org/fhir/ValueSet/local' });
  });

  it('pinnedValueSet binds an authored value set as url|version, and cannot be shipped again', () => {
    const pinned = pinnedValueSet(Local);
    expect(lowerBinding(preferred(pinned, 'why'))).toEqual({
      strength: 'preferred',
      valueSet: 'http://example.org/fhir/ValueSet/local|0.1.0',
      description: 'why',
    });
    expect(pinned.ir).toBeUndefined();
  });

  it('externalValueSet names one we do not author, optionally pinned to a version', () => {
    expect(lowerBinding(required(externalValueSet('http://hl7.org/fhir/ValueSet/condition-code'))).valueSet).toBe(
      'http://hl7.org/fhir/ValueSet/condition-code',
    );
    const v3 = externalValueSet('http://terminology.hl7.org/ValueSet/v3-ActCode', '3.0.0');
    expect(v3.version).toBe('3.0.0');
    expect(lowerBinding(required(v3)).valueSet).toBe('http://terminology.hl7.org/ValueSet/v3-ActCode|3.0.0');
  });

  it('pinning a handle without a version is refused', () => {
    expect(() => pinnedValueSet(externalValueSet('http://example.org/vs'))).toThrow(/no version/);
  });
});
