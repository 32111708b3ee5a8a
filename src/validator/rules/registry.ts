/**
 * The validator's rule catalogue. Ids are the contract (`concern/slug`): they never change meaning;
 * every id has English and Danish messages (src/validator/messages), a test with a passing and a
 * failing fixture (test/validator/rules), and a page in docs/rules/<concern>/<slug>.md.
 */
export type Severity = 'fatal' | 'error' | 'warning' | 'information';

export interface RuleDef {
  concern: 'input' | 'structure' | 'cardinality' | 'types' | 'fixed-pattern' | 'slicing' | 'bindings' | 'invariants' | 'references' | 'bundle' | 'profiles';
  severity: Severity;
  /** FHIR OperationOutcome issue type. */
  issueType: 'structure' | 'required' | 'value' | 'invariant' | 'code-invalid' | 'not-found' | 'processing' | 'informational' | 'invalid' | 'business-rule' | 'incomplete';
  /** One line for the rule catalogue. */
  summary: string;
}

export const RULES = {
  'input/unreadable': { concern: 'input', severity: 'fatal', issueType: 'structure', summary: 'a file that cannot be read as FHIR JSON or XML (not JSON, truncated, DOCTYPE or entities, not UTF-8, empty …)' },
  'structure/unknown-element': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a property that the profile (or FHIR) does not define' },
  'structure/array-expected': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a repeating element given as a single value' },
  'structure/single-expected': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a non-repeating element given as an array' },
  'structure/empty-element': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'an element with neither a value nor children (ele-1), or null/empty arrays' },
  'structure/resource-type': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a resource without resourceType, or of an unknown or wrong type' },
  'structure/choice-multiple': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'more than one type given for a choice element' },
  'structure/primitive-twin': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a `_name` primitive extension that does not fit its primitive (shape or array alignment)' },
  'structure/duplicate-property': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'a JSON property given twice in one object' },
  'structure/extension-invalid': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'an extension with both a value and sub-extensions, or neither (ext-1), or without url' },
  'structure/xml-form': { concern: 'structure', severity: 'error', issueType: 'structure', summary: 'FHIR XML that breaks the XML representation rules (an element in a foreign namespace, id or url written as elements)' },
  'structure/unknown-extension': { concern: 'structure', severity: 'warning', issueType: 'processing', summary: 'an extension whose definition is not available: its content is not checked' },
  'cardinality/min': { concern: 'cardinality', severity: 'error', issueType: 'required', summary: 'fewer occurrences than the element requires' },
  'cardinality/max': { concern: 'cardinality', severity: 'error', issueType: 'structure', summary: 'more occurrences than the element allows' },
  'types/json-type': { concern: 'types', severity: 'error', issueType: 'structure', summary: 'a JSON value of the wrong kind for the FHIR type (string for boolean, object for string …)' },
  'types/primitive-format': { concern: 'types', severity: 'error', issueType: 'value', summary: 'a primitive value that does not match its FHIR type (date, dateTime, instant, uri, id, code, oid, uuid, decimal …)' },
  'types/max-length': { concern: 'types', severity: 'error', issueType: 'value', summary: 'a value longer than the element’s maxLength' },
  'fixed-pattern/fixed-mismatch': { concern: 'fixed-pattern', severity: 'error', issueType: 'value', summary: 'a value that differs from the element’s fixed[x]' },
  'fixed-pattern/pattern-mismatch': { concern: 'fixed-pattern', severity: 'error', issueType: 'value', summary: 'a value that does not contain the element’s pattern[x]' },
  'slicing/no-match-closed': { concern: 'slicing', severity: 'error', issueType: 'structure', summary: 'an item that matches no slice of a closed slicing' },
  'slicing/slice-min': { concern: 'slicing', severity: 'error', issueType: 'required', summary: 'fewer items in a slice than it requires' },
  'slicing/slice-max': { concern: 'slicing', severity: 'error', issueType: 'structure', summary: 'more items in a slice than it allows' },
  'slicing/ordered': { concern: 'slicing', severity: 'error', issueType: 'structure', summary: 'items of an ordered slicing out of slice order (or after the open end)' },
  'slicing/ambiguous': { concern: 'slicing', severity: 'warning', issueType: 'processing', summary: 'an item that matches more than one slice' },
  'slicing/not-evaluated': { concern: 'slicing', severity: 'information', issueType: 'informational', summary: 'a discriminator that could not be evaluated: slice membership not checked' },
  'bindings/required': { concern: 'bindings', severity: 'error', issueType: 'code-invalid', summary: 'a code not in the value set of a required binding' },
  'bindings/extensible': { concern: 'bindings', severity: 'warning', issueType: 'code-invalid', summary: 'a code not in the value set of an extensible binding' },
  'bindings/not-checked': { concern: 'bindings', severity: 'information', issueType: 'informational', summary: 'a required or extensible binding whose value set (or code system) cannot be expanded locally: not checked' },
  'invariants/failed': { concern: 'invariants', severity: 'error', issueType: 'invariant', summary: 'a FHIRPath constraint (invariant) that does not hold; severity as the constraint says' },
  'invariants/intended': { concern: 'invariants', severity: 'warning', issueType: 'invariant', summary: 'a published constraint that can never fail as written (`value.matches(…)` on a primitive) and whose evident intent does not hold' },
  'invariants/not-evaluated': { concern: 'invariants', severity: 'information', issueType: 'informational', summary: 'a constraint that could not be evaluated here: not checked' },
  'references/unresolved': { concern: 'references', severity: 'error', issueType: 'not-found', summary: 'a reference that does not resolve to an entry of the Bundle (or a contained resource)' },
  'references/target-type': { concern: 'references', severity: 'error', issueType: 'structure', summary: 'a reference to a resource type the element does not allow' },
  'references/target-profile': { concern: 'references', severity: 'error', issueType: 'structure', summary: 'a referenced resource that does not conform to any of the allowed target profiles' },
  'references/not-checked': { concern: 'references', severity: 'information', issueType: 'informational', summary: 'a reference whose target profile is not available: the target’s conformance is not checked' },
  'bundle/first-entry': { concern: 'bundle', severity: 'error', issueType: 'structure', summary: 'a document whose first entry is not a Composition, or a message whose first entry is not a MessageHeader' },
  'bundle/fullurl-missing': { concern: 'bundle', severity: 'error', issueType: 'required', summary: 'an entry of a document or message without fullUrl' },
  'bundle/fullurl-duplicate': { concern: 'bundle', severity: 'error', issueType: 'business-rule', summary: 'the same fullUrl on two entries' },
  'bundle/message-focus': { concern: 'bundle', severity: 'error', issueType: 'not-found', summary: 'a MessageHeader.focus that does not resolve inside the message' },
  'profiles/unknown': { concern: 'profiles', severity: 'warning', issueType: 'not-found', summary: 'a profile (meta.profile or --profile) that is not available: not checked against it' },
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
