/** Typed fixed[x]/pattern[x] values: the value's shape follows the FHIR type of the element. */
import type { BaseTypeOf } from './paths.js';

interface ComplexTypes {
  Address: fhir4.Address;
  Age: fhir4.Age;
  Annotation: fhir4.Annotation;
  Attachment: fhir4.Attachment;
  CodeableConcept: fhir4.CodeableConcept;
  Coding: fhir4.Coding;
  ContactDetail: fhir4.ContactDetail;
  ContactPoint: fhir4.ContactPoint;
  Contributor: fhir4.Contributor;
  Count: fhir4.Count;
  DataRequirement: fhir4.DataRequirement;
  Distance: fhir4.Distance;
  Dosage: fhir4.Dosage;
  Duration: fhir4.Duration;
  Expression: fhir4.Expression;
  Extension: fhir4.Extension;
  HumanName: fhir4.HumanName;
  Identifier: fhir4.Identifier;
  Meta: fhir4.Meta;
  Money: fhir4.Money;
  Narrative: fhir4.Narrative;
  ParameterDefinition: fhir4.ParameterDefinition;
  Period: fhir4.Period;
  Quantity: fhir4.Quantity;
  Range: fhir4.Range;
  Ratio: fhir4.Ratio;
  Reference: fhir4.Reference;
  RelatedArtifact: fhir4.RelatedArtifact;
  SampledData: fhir4.SampledData;
  Signature: fhir4.Signature;
  Timing: fhir4.Timing;
  TriggerDefinition: fhir4.TriggerDefinition;
  UsageContext: fhir4.UsageContext;
}

type NumberTypes = 'integer' | 'positiveInt' | 'unsignedInt' | 'decimal';

type ValueOf<T> = T extends 'boolean'
  ? boolean
  : T extends NumberTypes
    ? number
    : T extends keyof ComplexTypes
      ? ComplexTypes[T]
      : T extends 'unchecked'
        ? unknown
        : T extends string
          ? T extends Capitalize<T>
            ? unknown
            : string
          : unknown;

/** The JSON value an element of registry type `T` can be fixed to. */
export type FhirValue<T> = ValueOf<BaseTypeOf<T>>;
