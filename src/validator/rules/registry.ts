/**
 * The validator's rule catalogue. Ids are the contract (`concern/slug`): they never change meaning;
 * every id has English and Danish messages (src/validator/messages), a test with a passing and a
 * failing fixture (test/validator/rules), and a page in docs/rules/<concern>/<slug>.md.
 */
export type Severity = 'fatal' | 'error' | 'warning' | 'information';

/**
 * `official`: conformance to the published profiles (what MedCom's own validation decides).
 * `business`: rules from the standards' text, clinical documentation and agreements that the
 * profiles do not express (src/validator/rules/business); reported apart and switchable (`--rules`).
 */
export type RuleLayer = 'official' | 'business';
export const RULE_LAYERS: readonly RuleLayer[] = ['official', 'business'];
/** Which layers a run reports: `all` (the default), or one of them. */
export type RuleSelection = RuleLayer | 'all';
export const RULE_SELECTIONS: readonly RuleSelection[] = ['official', 'business', 'all'];

export interface RuleDef {
  layer: RuleLayer;
  concern:
    | 'input'
    | 'structure'
    | 'cardinality'
    | 'types'
    | 'fixed-pattern'
    | 'slicing'
    | 'bindings'
    | 'terminology'
    | 'invariants'
    | 'references'
    | 'bundle'
    | 'questionnaire'
    | 'measure'
    | 'conformance'
    | 'profiles'
    | 'business';
  severity: Severity;
  /** FHIR OperationOutcome issue type. */
  issueType:
    | 'structure'
    | 'required'
    | 'value'
    | 'invariant'
    | 'code-invalid'
    | 'not-found'
    | 'processing'
    | 'informational'
    | 'invalid'
    | 'business-rule'
    | 'incomplete';
  /** One line for the rule catalogue. */
  summary: string;
  /**
   * `sequence`: decided over a sequence of uploads (`validate --sequence`, src/api/sequence.ts), never
   * on one file; its findings are located in the sequence manifest.
   */
  input?: 'sequence';
}

/**
 * What an export is for (`--purpose`, business layer only): `sharing` (the default: documents for the
 * national sharing service, seen by health professionals and the patient) or `aktindsigt` (a patient's
 * request for access, which includes privately marked notes). docs/rules/business/README.md.
 */
export type ExportPurpose = 'sharing' | 'aktindsigt';
export const EXPORT_PURPOSES: readonly ExportPurpose[] = ['sharing', 'aktindsigt'];

export const RULES = {
  'input/unreadable': {
    layer: 'official',
    concern: 'input',
    severity: 'fatal',
    issueType: 'structure',
    summary:
      'a file that cannot be read as FHIR JSON or XML (not JSON, truncated, DOCTYPE or entities, not UTF-8, empty …) or cannot be read safely (a FIFO or device, a dangling or looping link, a link out of the folder, over the size cap, permission denied)',
  },
  'input/more-issues': {
    layer: 'official',
    concern: 'input',
    severity: 'error',
    issueType: 'informational',
    summary:
      'more findings of one kind than a report lists (100 on one element, 1,000 in a file): the rest counted in one finding, with the severity of those left out',
  },
  'structure/unknown-element': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a property that the profile (or FHIR) does not define',
  },
  'structure/array-expected': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a repeating element given as a single value',
  },
  'structure/single-expected': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a non-repeating element given as an array',
  },
  'structure/empty-element': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'an element with neither a value nor children (ele-1), or null/empty arrays',
  },
  'structure/resource-type': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a resource without resourceType, or of an unknown or wrong type',
  },
  'structure/choice-multiple': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'more than one type given for a choice element',
  },
  'structure/primitive-twin': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a `_name` primitive extension that does not fit its primitive (shape or array alignment)',
  },
  'structure/duplicate-property': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a JSON property given twice in one object',
  },
  'structure/extension-invalid': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'an extension with both a value and sub-extensions, or neither (ext-1), or without url (or an empty one)',
  },
  'structure/xml-form': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'FHIR XML that breaks the XML representation rules (an element in a foreign namespace, id or url written as elements)',
  },
  'structure/unknown-extension': {
    layer: 'official',
    concern: 'structure',
    severity: 'warning',
    issueType: 'processing',
    summary: 'an extension whose definition is not available: its content is not checked',
  },
  'structure/extension-context': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: "an extension used where its definition's context of use (StructureDefinition.context, contextInvariant) does not allow it",
  },
  'structure/extension-modifier': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a modifier extension given as an extension, or a plain extension given as a modifierExtension',
  },
  'structure/unknown-sub-extension': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'structure',
    summary: 'a sub-extension (relative url) that the complex extension it is in does not define',
  },
  'structure/resource-id-extension': {
    layer: 'official',
    concern: 'structure',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an extension on Resource.id (the id of a resource is a plain string: it takes no extensions)',
  },
  'structure/cross-version-extension': {
    layer: 'official',
    concern: 'structure',
    severity: 'warning',
    issueType: 'processing',
    summary: 'a cross-version extension (http://hl7.org/fhir/<version>/StructureDefinition/extension-<path>) whose definition is not held',
  },
  'cardinality/min': {
    layer: 'official',
    concern: 'cardinality',
    severity: 'error',
    issueType: 'required',
    summary: 'fewer occurrences than the element requires',
  },
  'cardinality/max': {
    layer: 'official',
    concern: 'cardinality',
    severity: 'error',
    issueType: 'structure',
    summary: 'more occurrences than the element allows',
  },
  'types/json-type': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'structure',
    summary: 'a JSON value of the wrong kind for the FHIR type (string for boolean, object for string …)',
  },
  'types/primitive-format': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a primitive value that does not match its FHIR type (date, dateTime, instant, uri, id, code, oid, uuid, decimal …)',
  },
  'types/max-length': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a value longer than the element’s maxLength',
  },
  'types/min-length': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a value shorter than the element’s minLength extension',
  },
  'types/min-value': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a value below the element’s minValue[x] (numbers, dates, times, Quantities in convertible UCUM units)',
  },
  'types/max-value': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a value above the element’s maxValue[x] (numbers, dates, times, Quantities in convertible UCUM units)',
  },
  'types/profile-unknown': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'not-found',
    summary: 'a data type value whose element names type profiles none of which is available: not checked against them',
  },
  'types/value-missing': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'required',
    summary: 'a primitive with extensions but no value where the profile says it must have a value (mustHaveValue)',
  },
  'types/value-alternative': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a primitive without a value and without any of the extensions its profile allows in its place (valueAlternatives)',
  },
  'types/attachment-size': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'an Attachment whose stated size is not the number of bytes its inline data decodes to',
  },
  'types/xhtml-entity': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary:
      'a narrative (xhtml) that uses an HTML entity XML does not define (&reg;, &nbsp; …) or a character reference to no XML character',
  },
  'types/narrative-source': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'narrative text that no element with a source class (boilerplate, generated, original …) covers, where the profile sets narrative-source-control (its level)',
  },
  'types/uri-uuid': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'value',
    summary: 'a uri in the urn:uuid: scheme that is not a UUID in lower case (8-4-4-4-12 hexadecimal digits)',
  },
  'types/narrative-language': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'a narrative whose language sections (lang / xml:lang) do not meet the narrative-language-control its profile sets (_no, _yes, _resource, a language)',
  },
  'types/narrative-link': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'invalid',
    summary:
      'a link in a narrative to a fragment (<a href="#x">) that names no anchor (id / name) in a narrative of the document and no resource or element id',
  },
  'types/narrative-link-scheme': {
    layer: 'official',
    concern: 'types',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a link or image in a narrative (<a href>, <img src>) whose URI scheme is a name, not a location a reader can follow (urn:)',
  },
  'fixed-pattern/fixed-mismatch': {
    layer: 'official',
    concern: 'fixed-pattern',
    severity: 'error',
    issueType: 'value',
    summary: 'a value that differs from the element’s fixed[x]',
  },
  'fixed-pattern/pattern-mismatch': {
    layer: 'official',
    concern: 'fixed-pattern',
    severity: 'error',
    issueType: 'value',
    summary: 'a value that does not contain the element’s pattern[x]',
  },
  'slicing/no-match-closed': {
    layer: 'official',
    concern: 'slicing',
    severity: 'error',
    issueType: 'structure',
    summary: 'an item that matches no slice of a closed slicing',
  },
  'slicing/slice-min': {
    layer: 'official',
    concern: 'slicing',
    severity: 'error',
    issueType: 'required',
    summary: 'fewer items in a slice than it requires',
  },
  'slicing/discriminator-mismatch': {
    layer: 'official',
    concern: 'slicing',
    severity: 'error',
    issueType: 'value',
    summary: 'an item meant for a required slice whose discriminator value is wrong (the root of that slice’s missing item)',
  },
  'slicing/slice-max': {
    layer: 'official',
    concern: 'slicing',
    severity: 'error',
    issueType: 'structure',
    summary: 'more items in a slice than it allows',
  },
  'slicing/ordered': {
    layer: 'official',
    concern: 'slicing',
    severity: 'error',
    issueType: 'structure',
    summary: 'items of an ordered slicing out of slice order (or after the open end)',
  },
  'slicing/ambiguous': {
    layer: 'official',
    concern: 'slicing',
    severity: 'warning',
    issueType: 'processing',
    summary: 'an item that matches more than one slice',
  },
  'slicing/not-evaluated': {
    layer: 'official',
    concern: 'slicing',
    severity: 'information',
    issueType: 'informational',
    summary: 'a discriminator that could not be evaluated: slice membership not checked',
  },
  'slicing/not-checked': {
    layer: 'official',
    concern: 'slicing',
    severity: 'information',
    issueType: 'informational',
    summary: 'a slice whose count depends on references that do not resolve here (resolve() discriminators): not checked',
  },
  'bindings/required': {
    layer: 'official',
    concern: 'bindings',
    severity: 'error',
    issueType: 'code-invalid',
    summary: 'a code not in the value set of a required binding',
  },
  'bindings/extensible': {
    layer: 'official',
    concern: 'bindings',
    severity: 'warning',
    issueType: 'code-invalid',
    summary: 'a code not in the value set of an extensible binding',
  },
  'bindings/not-checked': {
    layer: 'official',
    concern: 'bindings',
    severity: 'information',
    issueType: 'informational',
    summary: 'a required or extensible binding whose value set (or code system) cannot be expanded locally: not checked',
  },
  'terminology/unknown-code': {
    layer: 'official',
    concern: 'terminology',
    severity: 'error',
    issueType: 'code-invalid',
    summary: 'a code that a code system given with --terminology (a complete CodeSystem or a code table) does not define',
  },
  'terminology/system-not-absolute': {
    layer: 'official',
    concern: 'terminology',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a Coding.system that is not an absolute URI (a local name such as LOINC)',
  },
  'terminology/not-checked': {
    layer: 'official',
    concern: 'terminology',
    severity: 'information',
    issueType: 'informational',
    summary:
      'codes of a code system not held here (SKS, ICPC-2, LOINC, SNOMED CT or NPU beyond the codes our value sets list …): not checked; one finding per code system per file, at its first code',
  },
  'invariants/failed': {
    layer: 'official',
    concern: 'invariants',
    severity: 'error',
    issueType: 'invariant',
    summary: 'a FHIRPath constraint (invariant) that does not hold; severity as the constraint says',
  },
  'invariants/intended': {
    layer: 'official',
    concern: 'invariants',
    severity: 'warning',
    issueType: 'invariant',
    summary:
      'a published constraint weaker than it evidently means (`value.matches(…)` on a primitive never fails; an unescaped `|` in a canonical pattern is an alternation) whose evident intent does not hold',
  },
  'invariants/not-evaluated': {
    layer: 'official',
    concern: 'invariants',
    severity: 'information',
    issueType: 'informational',
    summary: 'a constraint that could not be evaluated here: not checked',
  },
  'references/unresolved': {
    layer: 'official',
    concern: 'references',
    severity: 'error',
    issueType: 'not-found',
    summary: 'a reference that does not resolve to an entry of the Bundle (or a contained resource)',
  },
  'references/ambiguous': {
    layer: 'official',
    concern: 'references',
    severity: 'error',
    issueType: 'structure',
    summary: 'a reference without a version to an entry whose fullUrl other entries (other versions) share',
  },
  'references/target-type': {
    layer: 'official',
    concern: 'references',
    severity: 'error',
    issueType: 'structure',
    summary: 'a reference to a resource type the element does not allow',
  },
  'references/type-mismatch': {
    layer: 'official',
    concern: 'references',
    severity: 'error',
    issueType: 'structure',
    summary: 'a reference that names one resource type and resolves to a resource of another',
  },
  'references/target-profile': {
    layer: 'official',
    concern: 'references',
    severity: 'error',
    issueType: 'structure',
    summary: 'a referenced resource that does not conform to any of the allowed target profiles',
  },
  'references/not-checked': {
    layer: 'official',
    concern: 'references',
    severity: 'information',
    issueType: 'informational',
    summary: 'a reference whose target profile is not available: the target’s conformance is not checked',
  },
  'bundle/first-entry': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'structure',
    summary: 'a document whose first entry is not a Composition, or a message whose first entry is not a MessageHeader',
  },
  'bundle/fullurl-missing': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'required',
    summary: 'an entry of a document or message without fullUrl',
  },
  'bundle/fullurl-duplicate': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'the same fullUrl on two entries',
  },
  'bundle/fullurl-not-absolute': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'invalid',
    summary: 'an entry whose fullUrl is not an absolute URL',
  },
  'bundle/fullurl-resource-mismatch': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a RESTful fullUrl that does not end with the type and id of the entry’s resource',
  },
  'bundle/link-relation-duplicate': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'a Bundle link relation that occurs more than once',
  },
  'bundle/message-focus': {
    layer: 'official',
    concern: 'bundle',
    severity: 'error',
    issueType: 'not-found',
    summary: 'a MessageHeader.focus that does not resolve inside the message',
  },
  'questionnaire/unknown-questionnaire': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'warning',
    issueType: 'not-found',
    summary:
      'a QuestionnaireResponse whose questionnaire cannot be found (not contained, not in the Bundle, not in the loaded definitions): not checked against it',
  },
  'questionnaire/linkid-unknown': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'structure',
    summary: 'a QuestionnaireResponse item whose linkId is not an item of its Questionnaire at that level',
  },
  'questionnaire/required-missing': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'required',
    summary:
      'a required Questionnaire item (enabled) with no item or no answer in the QuestionnaireResponse; a required group with no sub-items',
  },
  'questionnaire/answer-type': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'value',
    summary: "a QuestionnaireResponse answer whose value type does not fit the Questionnaire item's type (or answerOption types)",
  },
  'questionnaire/not-repeating': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'structure',
    summary: 'a Questionnaire item that does not repeat, given more than one answer, or a non-repeating item given twice at one level',
  },
  'questionnaire/answer-not-allowed': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'code-invalid',
    summary:
      "a QuestionnaireResponse answer that is not one of its item's answerOption values, or not in its answerValueSet (where that is decided locally)",
  },
  'questionnaire/answer-constraint': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'value',
    summary:
      "a QuestionnaireResponse answer outside its item's minValue / maxValue, maxLength / minLength, regex, maxDecimalPlaces, mimeType or maxSize, its Quantity units and bounds, or an exclusive option chosen with others",
  },
  'questionnaire/answer-count': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'structure',
    summary: 'a QuestionnaireResponse item with fewer answers than its questionnaire-minOccurs or more than its questionnaire-maxOccurs',
  },
  'questionnaire/not-checked': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'information',
    issueType: 'informational',
    summary: "a QuestionnaireResponse answer whose item's answerValueSet cannot be expanded locally: not checked",
  },
  'questionnaire/enablewhen': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'a QuestionnaireResponse item that has answers (or sub-items) while its Questionnaire item is disabled by enableWhen / enableBehavior',
  },
  'questionnaire/enablebehavior-missing': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'invariant',
    summary:
      'a Questionnaire item with two enableWhen conditions and no enableBehavior (que-12 as its text says; R4 publishes it as more than two)',
  },
  'questionnaire/enablewhen-inner': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'a Questionnaire item whose enableWhen names the item itself or an item nested inside it',
  },
  'questionnaire/group-answer': {
    layer: 'official',
    concern: 'questionnaire',
    severity: 'error',
    issueType: 'structure',
    summary: 'a QuestionnaireResponse item for a group or display item that has answers',
  },
  'measure/unknown-measure': {
    layer: 'official',
    concern: 'measure',
    severity: 'warning',
    issueType: 'not-found',
    summary:
      'a MeasureReport whose measure cannot be found (not contained, not in the Bundle, not in the loaded definitions): not checked against it',
  },
  'measure/report-unmatched': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'a MeasureReport group, population or stratifier whose code names none of its Measure (or none it has not already reported), or that has no code where one is needed to tell which it is',
  },
  'measure/report-missing': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'required',
    summary: 'a complete MeasureReport that leaves out a group, population or (coded) stratifier its Measure defines',
  },
  'measure/report-subjects': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'a subject-list MeasureReport population whose count differs from the number of subjects its subjectResults lists',
  },
  'measure/report-subject-list': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'business-rule',
    summary: "a MeasureReport population listing subjects (subjectResults) in a report whose type is not 'subject-list'",
  },
  'measure/report-score': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'a MeasureReport measureScore where its Measure scores none (cohort, or a data-collection report), or a proportion score outside 0–1 (0–100 %)',
  },
  'measure/cql-criteria': {
    layer: 'official',
    concern: 'measure',
    severity: 'error',
    issueType: 'not-found',
    summary: 'a Measure stratifier criterion in CQL that names no library the Measure has, or an expression its library does not define',
  },
  'conformance/sd-type-namespace': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a StructureDefinition whose type is neither a FHIR type nor an absolute url (a logical model type needs a namespace)',
  },
  'conformance/sd-specialization-type': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a StructureDefinition that specializes its base but defines the same type as the base',
  },
  'conformance/sd-path-type': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: "a StructureDefinition element whose path does not start with the structure's type",
  },
  'conformance/sd-path-unknown': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary:
      'a differential element of a constraint whose path names no element of the type it constrains (a misspelt name, or a choice element renamed to a type it does not have)',
  },
  'conformance/sd-type-profile': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: "a StructureDefinition element type whose profile is a profile of another type than the element's",
  },
  'conformance/sd-discriminator-path': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a slicing discriminator path (plain element names) that names no element of the element being sliced',
  },
  'conformance/sd-fixed-changed': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a differential element of a constraint that fixes an element to another value than the fixed value its base sets',
  },
  'conformance/sp-derived-type': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a SearchParameter whose type differs from the type of the SearchParameter it is derived from (derivedFrom)',
  },
  'conformance/sp-derived-base': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a SearchParameter base (resource type) that the SearchParameter it is derived from (derivedFrom) does not apply to',
  },
  'conformance/searchparam-type': {
    layer: 'official',
    concern: 'conformance',
    severity: 'error',
    issueType: 'invalid',
    summary: 'a CapabilityStatement searchParam whose type differs from the type of the SearchParameter its definition names',
  },
  'profiles/unknown': {
    layer: 'official',
    concern: 'profiles',
    severity: 'warning',
    issueType: 'not-found',
    summary: 'a profile (meta.profile or --profile) that is not available: not checked against it',
  },
  'profiles/unknown-medcom': {
    layer: 'official',
    concern: 'profiles',
    severity: 'error',
    issueType: 'not-found',
    summary:
      'a meta.profile under a MedCom or HL7 Denmark base (http://medcomfhir.dk/ig/…, http://hl7.dk/fhir/core/…) that is not a profile we know: a misspelt url, with the nearest known profile named',
  },
  'profiles/other-version': {
    layer: 'official',
    concern: 'profiles',
    severity: 'information',
    issueType: 'informational',
    summary: 'a file that does not conform to the version of its standard it was validated against, but to another version we build',
  },
  // business rules (src/validator/rules/business): Notes, from the IG text and MedCom's consumer test examples
  'business/notes-note-empty': {
    layer: 'business',
    concern: 'business',
    severity: 'warning',
    issueType: 'business-rule',
    summary: 'a Notes document whose note (the decoded text/html attachment) has no visible text',
  },
  'business/notes-note-formatting': {
    layer: 'business',
    concern: 'business',
    severity: 'warning',
    issueType: 'business-rule',
    summary:
      'a note whose HTML is outside the simplified subset (p, br, b, strong, i, em, u, tt), or holds literal escape sequences such as \\t',
  },
  'business/notes-date-before-event': {
    layer: 'business',
    concern: 'business',
    severity: 'warning',
    issueType: 'business-rule',
    summary:
      'a Notes Composition.date (last update) before the note was created (event.period.start or the Observation’s effectiveDateTime)',
  },
  'business/notes-effective-differs': {
    layer: 'business',
    concern: 'business',
    severity: 'warning',
    issueType: 'business-rule',
    summary: 'a note’s Observation.effectiveDateTime that is not the same instant as Composition.event.period.start',
  },
  // business rules: Notes sharing, with our local extensions (profiles/medcom-ig-local; not MedCom's)
  'business/notes-private-shared': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'a Notes document for sharing that contains a privately marked note (our local private-marking extension, marked = true)',
  },
  'business/notes-private-not-withdrawn': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    input: 'sequence',
    summary:
      'a sequence in which a note is marked private after a document containing it was shared, and that document is not withdrawn (or replaced) afterwards',
  },
  'business/notes-withdrawal-invalid': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    input: 'sequence',
    summary: 'a withdrawal or replacement step whose DocumentReference does not withdraw a document shared earlier in the sequence',
  },
  'business/notes-aktindsigt-missing-private': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    input: 'sequence',
    summary: 'an access-request (aktindsigt) export that lacks a note the sequence marked private',
  },
  'business/notes-aktindsigt-other-patient': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an access-request (aktindsigt) export that holds documents of more than one patient (CPR)',
  },
  'business/notes-consultation-type': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'a note for sharing whose consultation type (our local extension) is not home visit, video, telephone or physical',
  },
  // business rules: HomeCareObservation, from the clinical documentation (Sundhedsfaglig dokumentation)
  'business/hco-sampling-time': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an HCO result (Observation) without a sampling time (effective[x])',
  },
  'business/hco-observation-final': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an HCO result whose status is not final',
  },
  'business/hco-code-repertoire': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary:
      'an HCO result whose code is not from the national analysis repertoire (NPU or MedCom MCS value set of the standard’s terminology)',
  },
  'business/hco-code-display': {
    layer: 'business',
    concern: 'business',
    severity: 'warning',
    issueType: 'business-rule',
    summary: 'an HCO result code from the repertoire without its long-name display',
  },
  'business/hco-interpretation-ni': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an HCO result without the interpretation NI (not reference-assessed)',
  },
  'business/hco-restricted-shared': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an HCO DiagnosticReport with the refused-consent label (meta.security v3-Confidentiality R) in a sharing export',
  },
  'business/hco-result-length': {
    layer: 'business',
    concern: 'business',
    severity: 'error',
    issueType: 'business-rule',
    summary: 'an HCO result value (string, or a quantity’s value as written) longer than 12 characters',
  },
  'business/not-checked': {
    layer: 'business',
    concern: 'business',
    severity: 'information',
    issueType: 'informational',
    summary: 'a business rule that could not be decided here (a value set not available …): not checked',
  },
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function ruleLayer(id: RuleId): RuleLayer {
  return RULES[id].layer;
}

/** Does a run with this selection report findings of `layer`? */
export function selects(selection: RuleSelection, layer: RuleLayer): boolean {
  return selection === 'all' || selection === layer;
}
