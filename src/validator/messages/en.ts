import type { RuleId } from '../rules/registry.js';

/**
 * English message templates; `{param}` is filled from the params. A missing id fails tsc, and
 * the placeholders are the params a finding of the rule must carry (messages/params.ts).
 */
export const en = {
  'input/unreadable': 'cannot read the file: {reason}',
  'input/more-issues': '{count} more {rule} issues of this kind were left out here (the report lists the first {shown})',
  'structure/unknown-element': "'{name}' is not an element of {type}[[; did you mean '{suggestion}'?]]",
  'structure/array-expected': "'{name}' repeats and must be a JSON array",
  'structure/single-expected': "'{name}' does not repeat and must not be a JSON array",
  'structure/empty-element': 'element has neither a value nor children (ele-1)',
  'structure/resource-type': 'resource type problem: {reason}',
  'structure/choice-multiple': 'more than one type given for {name}[x]: {names}',
  'structure/primitive-twin': "'_{name}' does not fit '{name}': {reason}",
  'structure/duplicate-property': "property '{name}' is given more than once",
  'structure/extension-invalid': 'invalid extension: {reason}',
  'structure/xml-form': 'not valid FHIR XML: {reason}',
  'structure/unknown-extension': 'extension {url} is not known; its content is not checked',
  'structure/extension-context': 'extension {url} is not allowed here ({place}); its context of use is: {allowed}',
  'structure/extension-modifier': 'extension {url} must be used as {expected}, not as {found}',
  'structure/unknown-sub-extension': "sub-extension '{url}' is not defined by the extension {parent}",
  'structure/resource-id-extension': 'extensions are not allowed on Resource.id ({url})',
  'structure/cross-version-extension':
    'cross-version extension {url} (FHIR {version}): its definition is not held, so its content is not checked',
  'cardinality/min': '{element}: at least {min} required, found {found}',
  'cardinality/max': '{element}: at most {max} allowed, found {found}',
  'types/json-type': 'found {value}: expected a JSON {expected} for FHIR type {fhirType}',
  'types/primitive-format': '{value} is not a valid {fhirType}: expected {format}[[, e.g. {example}]]',
  'types/max-length': 'value {value} is {length} characters long, more than the maximum {maxLength}',
  'types/min-length': 'value {value} is {length} characters long, fewer than the minimum {minLength}',
  'types/min-value': 'value {value} is less than the minimum {minValue}',
  'types/max-value': 'value {value} is greater than the maximum {maxValue}',
  'types/profile-unknown': 'the type profile {profile} is not available: the value is not checked against it',
  'types/value-missing': 'the profile requires a value here, not only extensions (mustHaveValue)',
  'types/value-alternative': 'without a value, one of these extensions must stand in for it: {alternatives}',
  'types/attachment-size': 'the attachment states a size of {size} bytes, but its data is {actual} bytes',
  'types/xhtml-entity':
    'the XHTML uses the entity {entity}, which XML does not define: write the character itself or a character reference (&#…;)',
  'types/narrative-source':
    "the narrative text {text} is in no element whose class says its source (boilerplate, generated, original …), as the profile's narrative-source-control requires",
  'types/uri-uuid':
    '{value} is not a valid urn:uuid: expected urn:uuid: and a UUID in lower case, e.g. urn:uuid:b5d3f1e2-0c4a-4d47-9b9e-2f7c1a6d8e90',
  'types/narrative-link':
    'the narrative links to {href}, which names no anchor (id or name) in a narrative of the document and no resource or element id',
  'types/narrative-link-scheme':
    'the narrative links to {url}, a {scheme}: name a reader cannot follow: link to a web address (http, https) or a fragment (#id), or drop the link',
  'types/narrative-language':
    "the narrative does not meet the profile's narrative-language-control {control}: language sections found: [{found}]",
  'fixed-pattern/fixed-mismatch': 'value must be exactly {expected}, found {found}',
  'fixed-pattern/pattern-mismatch': 'value must contain {expected}, found {found}',
  // -- issue 15 (roots): slicing messages name the discriminator, the value found and the value required
  'slicing/no-match-closed': 'item matches no slice of {slicer}, and the slicing is closed ({discriminator}: {found})',
  'slicing/slice-min': "slice '{slice}' requires at least {min}, found {found} (an item with {discriminator}: {required})",
  'slicing/discriminator-mismatch':
    "item is not in slice '{slice}', which is required and missing: {discriminator} is {found}, the slice requires {required}",
  // -- end issue 15 (roots)
  'slicing/slice-max': "slice '{slice}' allows at most {max}, found {found}",
  'slicing/ordered': "item of slice '{slice}' is out of order (the slicing is ordered)",
  'slicing/ambiguous': 'item matches several slices: {slices}',
  'slicing/not-evaluated': 'discriminator {discriminator} could not be evaluated ({reason}); slice membership not checked',
  'slicing/not-checked':
    "slice '{slice}': whether {references} belongs to it depends on a resource that is not in the file (give it with --context); the slice's count is not checked",
  'bindings/required':
    '{code} is not in the value set {valueSet}[[ ({valueSetTitle})]][[, which has {size} codes]] (required binding)[[; allowed: {allowed}]][[; did you mean {suggestion}?]]',
  'bindings/extensible':
    '{code} is not in the value set {valueSet}[[ ({valueSetTitle})]][[, which has {size} codes]] (extensible binding)[[; allowed: {allowed}]][[; did you mean {suggestion}?]]',
  'bindings/not-checked': 'binding to {valueSet} not checked: {reason}',
  'invariants/failed': '{key}[[ (value {value})]]: {human}',
  'invariants/intended':
    '{key} as published lets through values its evident intent rejects (a quirk reproduced as published); that intent, {expression}, does not hold[[ for {value}]]',
  'invariants/not-evaluated': '{key} not evaluated: {reason}',
  'references/unresolved': "reference '{reference}' does not resolve to a resource in the Bundle",
  'references/ambiguous':
    "reference '{reference}' matches {count} entries (versions of one resource); name the version with /_history/[vid]",
  'references/target-type': 'reference to a {type}; allowed: {allowed}',
  'references/type-mismatch': "reference '{reference}' resolves to a {type}, not the type it names",
  'references/target-profile': "'{reference}' does not conform to any of {profiles} (first: {why})",
  'references/not-checked': "'{reference}': target profile {profiles} is not available; conformance not checked",
  'bundle/first-entry': 'the first entry must be a {expected}, found {found}',
  'bundle/fullurl-missing': 'entry has no fullUrl',
  'bundle/fullurl-duplicate': 'fullUrl {fullUrl} is used by {count} entries',
  'bundle/fullurl-not-absolute': "fullUrl '{fullUrl}' is not an absolute URL",
  'bundle/fullurl-resource-mismatch': "fullUrl '{fullUrl}' is a RESTful URL, so it must end with the resource's type and id ({expected})",
  'bundle/link-relation-duplicate': "the link relation '{relation}' occurs more than once",
  'bundle/message-focus': "MessageHeader.focus '{reference}' does not resolve to an entry of the message",
  'questionnaire/unknown-questionnaire': 'questionnaire {questionnaire} cannot be found; the response is not checked against it',
  'questionnaire/linkid-unknown': "linkId '{linkId}' is not an item of the questionnaire at this level",
  'questionnaire/required-missing': "required item '{linkId}' has no answer",
  'questionnaire/answer-type': 'answer of type {found} does not fit an item of type {itemType} (expected {expected})',
  'questionnaire/not-repeating': "item '{linkId}' does not repeat: one answer (and one item) only",
  'questionnaire/answer-not-allowed': "answer {value} is not one of the values item '{linkId}' allows",
  'questionnaire/answer-constraint': "answer {value} of item '{linkId}' breaks its {constraint}",
  'questionnaire/answer-count': "item '{linkId}' has {count} answers, outside its {limit}",
  'questionnaire/not-checked':
    "the answer of item '{linkId}' is not checked[[: value set {valueSet} cannot be expanded here]][[: its regex {regex} could take exponential time (a repeated group holding a repetition), so it is not run]]",
  'questionnaire/enablewhen': "item '{linkId}' is answered though its enableWhen disables it",
  'questionnaire/enablebehavior-missing':
    "item '{linkId}' has {count} enableWhen conditions but no enableBehavior (all | any) to say how they combine (que-12)",
  'questionnaire/enablewhen-inner': "item '{linkId}' is enabled by item '{question}', which is the item itself or nested inside it",
  'questionnaire/group-answer': "item '{linkId}' is a {type} item and cannot have answers",
  'measure/unknown-measure': 'measure {measure} is not known; the report is not checked against it',
  'measure/report-unmatched': "this {part} (code '{code}') does not match a {part} of the measure, or one already reported",
  'measure/report-missing': "the report leaves out the measure's {part} with code '{code}'",
  'measure/report-subjects': 'count {count} differs from the {subjects} subject(s) listed',
  'measure/report-subject-list': "subjects are listed only in a report of type 'subject-list', not '{type}'",
  'measure/report-score': "measureScore does not fit the measure's scoring ({scoring})",
  'measure/cql-criteria': "CQL criterion '{expression}' cannot be found: {reason}",
  'conformance/sd-type-namespace': "type '{type}' is not a FHIR type; a type defined elsewhere must be an absolute url",
  'conformance/sd-specialization-type': "a specialization must define a type of its own, not its base's type {type} ({base})",
  'conformance/sd-path-type': "path '{path}' does not start with the structure's type {type}",
  'conformance/sd-path-unknown': "path '{path}' is not an element of the base {base}",
  'conformance/sd-type-profile': "profile {profile} is a profile of {profileType}, but the element's type is {type}",
  'conformance/sd-fixed-changed': '{element} is fixed to {fixed} by the base; a constraint cannot fix it to another value',
  'conformance/sd-discriminator-path': "discriminator path '{path}' is not an element of the sliced element {element}",
  'conformance/sp-derived-type':
    'type {type} differs from the type {parentType} of {derivedFrom}, which this search parameter is derived from',
  'conformance/sp-derived-base': '{base} is not a base of {derivedFrom}, which this search parameter is derived from',
  'conformance/searchparam-type': 'type {type} differs from the type {definedType} of its definition {definition}',
  'profiles/unknown': 'profile {profile} is not available; not checked against it[[; did you mean {suggestion}?]]',
  'profiles/unknown-medcom':
    'profile {profile} is not a MedCom or HL7 Denmark profile we know (a misspelt url?); not checked against it[[; the nearest known profile is {nearest}]]',
  'profiles/other-version':
    'the file does not conform to {standard} {version} but conforms to {fits}: it was written for another version; to validate it as that version, use --ig {pin}',
  'business/notes-note-empty': 'the note has no visible text (decoded text/html: {preview})',
  'business/notes-note-formatting': 'the note is not in the simplified HTML the Notes IG allows: {reason}',
  'business/notes-date-before-event': 'Composition.date {date} (last update) is before the note was created ({createdAt} in {createdBy})',
  'business/notes-effective-differs':
    'Observation.effectiveDateTime {effective} is not the same time as Composition.event.period.start {start}',
  'business/notes-private-shared': 'the note is privately marked{when}; a privately marked note must not be shared',
  'business/notes-private-not-withdrawn':
    'note {note} was marked private{when} after document {document}, which contains it, was shared ({shared}), and no later step withdraws or replaces that document',
  'business/notes-withdrawal-invalid': 'this step does not withdraw a document shared earlier in the sequence: {reason}',
  'business/notes-aktindsigt-missing-private':
    'the access-request export lacks note {note}, which was marked private{when} ({marked}); privately marked notes are handed to the patient on a request for access',
  'business/notes-aktindsigt-other-patient':
    'this document is for the patient with CPR {cpr}, the access-request export is for {expected} ({first}): an access-request export holds the documents of one patient',
  'business/notes-consultation-type':
    'the consultation type {code} is not home visit, video, telephone or physical consultation; such a note must not be shared',
  'business/hco-sampling-time': 'the result has no sampling time (effectiveDateTime)',
  'business/hco-observation-final': "the result status is '{status}'; HomeCareObservation results are always final",
  'business/hco-code-repertoire': 'the result code is not from the national analysis repertoire ({valueSets}): {codes}',
  'business/hco-code-display': "{code} is shown without its long name: display is '{display}', the repertoire says '{expected}'",
  'business/hco-interpretation-ni': 'the result has no interpretation NI (HomeCareObservation results are not reference-assessed)',
  'business/hco-restricted-shared':
    'the report carries the refused-consent label R (Restricted): the patient has not consented to sharing the results with others than the general practitioner, so it must not be in a sharing export',
  'business/hco-result-length': "the result value '{value}' is {length} characters long, more than 12",
  'business/not-checked': '{rule} could not be checked: {reason}',
  // terminology (issue 15, item 5)
  'terminology/unknown-code': "'{code}' is not a code of {system} (the code system given with --terminology)",
  'terminology/system-not-absolute': "Coding.system '{system}' is not an absolute URI (a code system is named by a URL or urn:oid:)",
  'terminology/not-checked':
    "{count} code(s) of {system} in this file not checked (the first: '{code}', here): {reason}; to check them, give the code system with --terminology",
} as const satisfies Record<RuleId, string>;
