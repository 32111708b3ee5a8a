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
  'references/target-type': 'reference to a {type}; allowed: {allowed}',
  'references/target-profile': "'{reference}' does not conform to any of {profiles} (first: {why})",
  'references/not-checked': "'{reference}': target profile {profiles} is not available; conformance not checked",
  'bundle/first-entry': 'the first entry must be a {expected}, found {found}',
  'bundle/fullurl-missing': 'entry has no fullUrl',
  'bundle/fullurl-duplicate': 'fullUrl {fullUrl} is used by {count} entries',
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
  'questionnaire/group-answer': "item '{linkId}' is a {type} item and cannot have answers",
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
  'terminology/not-checked':
    "{count} code(s) of {system} in this file not checked (the first: '{code}', here): {reason}; to check them, give the code system with --terminology",
} as const satisfies Record<RuleId, string>;
