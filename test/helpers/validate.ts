import type { Definitions } from '../../src/defs/registry.js';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { FileReport, Issue } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import type { Validator } from '../../src/validator/validator.js';

let defs: Promise<Definitions> | undefined;
let validator: Promise<Validator> | undefined;

/** Our compiled IG plus base R4, built once per test file. */
export function igDefinitions(): Promise<Definitions> {
  defs ??= validationDefinitions();
  return defs;
}

export function validatorFor(definitions: Definitions): Validator {
  return newValidator(definitions, { readXml });
}

export async function sharedValidator(): Promise<Validator> {
  validator ??= igDefinitions().then(validatorFor);
  return validator;
}

/** Validate a resource given as an object or JSON text. */
export async function validate(input: unknown, profiles: string[] = [], v?: Validator): Promise<FileReport> {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return (v ?? (await sharedValidator())).validateText('fixture.json', text, { profiles });
}

export function issuesOf(report: FileReport, ruleId: string): Issue[] {
  return report.issues.filter((i) => i.ruleId === ruleId);
}
