import type { RuleId } from '../rules/registry.js';

/** Danske meddelelser; `{param}` udfyldes fra fundets parametre. Et manglende id fejler tsc. */
export const da = {
  'input/unreadable': 'filen kan ikke læses: {reason}',
  'input/more-issues': '{count} flere fund af typen {rule} er udeladt her (rapporten viser de første {shown})',
  'structure/unknown-element': "'{name}' er ikke et element i {type}[[; mente du '{suggestion}'?]]",
  'structure/array-expected': "'{name}' kan gentages og skal være et JSON-array",
  'structure/single-expected': "'{name}' kan ikke gentages og må ikke være et JSON-array",
  'structure/empty-element': 'elementet har hverken værdi eller underelementer (ele-1)',
  'structure/resource-type': 'problem med ressourcetypen: {reason}',
  'structure/choice-multiple': 'mere end én type angivet for {name}[x]: {names}',
  'structure/primitive-twin': "'_{name}' passer ikke til '{name}': {reason}",
  'structure/duplicate-property': "egenskaben '{name}' er angivet mere end én gang",
  'structure/extension-invalid': 'ugyldig extension: {reason}',
  'structure/xml-form': 'ikke gyldig FHIR XML: {reason}',
  'structure/unknown-extension': 'extension {url} er ukendt; dens indhold er ikke kontrolleret',
  'structure/extension-context': 'extension {url} må ikke bruges her ({place}); dens anvendelseskontekst er: {allowed}',
  'structure/extension-modifier': 'extension {url} skal bruges som {expected}, ikke som {found}',
  'structure/unknown-sub-extension': "under-extension '{url}' er ikke defineret af extension {parent}",
  'structure/resource-id-extension': 'extensions er ikke tilladt på Resource.id ({url})',
  'structure/cross-version-extension':
    'versionsoverskridende extension {url} (FHIR {version}): dens definition findes ikke her, så dens indhold er ikke kontrolleret',
  'cardinality/min': '{element}: mindst {min} påkrævet, fandt {found}',
  'cardinality/max': '{element}: højst {max} tilladt, fandt {found}',
  'types/json-type': 'fandt {value}: forventede JSON-typen {expected} for FHIR-typen {fhirType}',
  'types/primitive-format': '{value} er ikke en gyldig {fhirType}: forventet {format}[[, f.eks. {example}]]',
  'types/max-length': 'værdien {value} er {length} tegn lang, mere end de højst tilladte {maxLength}',
  'types/min-length': 'værdien {value} er {length} tegn lang, færre end de mindst krævede {minLength}',
  'types/min-value': 'værdien {value} er mindre end minimum {minValue}',
  'types/max-value': 'værdien {value} er større end maksimum {maxValue}',
  'types/profile-unknown': 'typeprofilen {profile} er ikke tilgængelig: værdien er ikke kontrolleret mod den',
  'types/value-missing': 'profilen kræver en værdi her, ikke kun udvidelser (mustHaveValue)',
  'types/value-alternative': 'uden en værdi skal en af disse udvidelser stå i dens sted: {alternatives}',
  'types/attachment-size': 'vedhæftningen angiver en størrelse på {size} bytes, men dens data er {actual} bytes',
  'types/xhtml-entity': 'XHTML bruger entiteten {entity}, som XML ikke definerer: skriv selve tegnet eller en tegnreference (&#…;)',
  'types/narrative-source':
    'narrativteksten {text} står ikke i et element, hvis class angiver dens kilde (boilerplate, generated, original …), som profilens narrative-source-control kræver',
  'types/uri-uuid':
    '{value} er ikke en gyldig urn:uuid: forventet urn:uuid: og en UUID med små bogstaver, f.eks. urn:uuid:b5d3f1e2-0c4a-4d47-9b9e-2f7c1a6d8e90',
  'types/narrative-link':
    'narrativen linker til {href}, som ikke er et anker (id eller name) i dokumentets narrativ og ikke id på en ressource eller et element',
  'types/narrative-link-scheme':
    'narrativen linker til {url}, et {scheme}:-navn som en læser ikke kan følge: link til en webadresse (http, https) eller et fragment (#id), eller fjern linket',
  'types/narrative-language': 'narrativen opfylder ikke profilens narrative-language-control {control}: fundne sprogafsnit: [{found}]',
  'fixed-pattern/fixed-mismatch': 'værdien skal være præcis {expected}, fandt {found}',
  'fixed-pattern/pattern-mismatch': 'værdien skal indeholde {expected}, fandt {found}',
  // -- issue 15 (roots): slicing messages name the discriminator, the value found and the value required
  'slicing/no-match-closed': 'elementet passer ikke til nogen slice af {slicer}, og slicingen er lukket ({discriminator}: {found})',
  'slicing/slice-min': "slice '{slice}' kræver mindst {min}, fandt {found} (et element med {discriminator}: {required})",
  'slicing/discriminator-mismatch':
    "elementet hører ikke til slice '{slice}', som er påkrævet og mangler: {discriminator} er {found}, slicen kræver {required}",
  // -- end issue 15 (roots)
  'slicing/slice-max': "slice '{slice}' tillader højst {max}, fandt {found}",
  'slicing/ordered': "elementet i slice '{slice}' står i forkert rækkefølge (slicingen er ordnet)",
  'slicing/ambiguous': 'elementet passer til flere slices: {slices}',
  'slicing/not-checked':
    "slice '{slice}': om {references} hører til den, afhænger af en ressource, der ikke er i filen (angiv den med --context); antallet i slicen er ikke kontrolleret",
  'slicing/not-evaluated':
    'diskriminatoren {discriminator} kunne ikke evalueres ({reason}); tilhørsforhold til slices er ikke kontrolleret',
  'bindings/required':
    '{code} findes ikke i værdisættet {valueSet}[[ ({valueSetTitle})]][[, der har {size} koder]] (påkrævet binding)[[; tilladt: {allowed}]][[; mente du {suggestion}?]]',
  'bindings/extensible':
    '{code} findes ikke i værdisættet {valueSet}[[ ({valueSetTitle})]][[, der har {size} koder]] (udvidelig binding)[[; tilladt: {allowed}]][[; mente du {suggestion}?]]',
  'bindings/not-checked': 'binding til {valueSet} er ikke kontrolleret: {reason}',
  'invariants/failed': '{key}[[ (værdi {value})]]: {human}',
  'invariants/intended':
    '{key} lader som publiceret værdier igennem, som den tilsigtede regel afviser (en fejl gengivet som publiceret); den tilsigtede regel {expression} er ikke opfyldt[[ for {value}]]',
  'invariants/not-evaluated': '{key} er ikke evalueret: {reason}',
  'references/unresolved': "referencen '{reference}' peger ikke på en ressource i Bundle",
  'references/ambiguous':
    "referencen '{reference}' passer på {count} entries (versioner af én ressource); angiv versionen med /_history/[vid]",
  'references/target-type': 'reference til en {type}; tilladt: {allowed}',
  'references/type-mismatch': "referencen '{reference}' peger på en {type}, ikke på den type den nævner",
  'references/target-profile': "'{reference}' overholder ingen af profilerne {profiles} (første: {why})",
  'references/not-checked': "'{reference}': målprofilen {profiles} er ikke tilgængelig; overensstemmelse ikke kontrolleret",
  'bundle/first-entry': 'første entry skal være en {expected}, fandt {found}',
  'bundle/fullurl-missing': 'entry har ingen fullUrl',
  'bundle/fullurl-duplicate': 'fullUrl {fullUrl} bruges af {count} entries',
  'bundle/fullurl-not-absolute': "fullUrl '{fullUrl}' er ikke en absolut URL",
  'bundle/fullurl-resource-mismatch': "fullUrl '{fullUrl}' er en RESTful URL og skal derfor ende med ressourcens type og id ({expected})",
  'bundle/link-relation-duplicate': "link-relationen '{relation}' forekommer mere end én gang",
  'bundle/message-focus': "MessageHeader.focus '{reference}' peger ikke på en entry i meddelelsen",
  'questionnaire/unknown-questionnaire': 'spørgeskemaet {questionnaire} findes ikke; besvarelsen er ikke valideret mod det',
  'questionnaire/linkid-unknown': "linkId '{linkId}' er ikke et item i spørgeskemaet på dette niveau",
  'questionnaire/required-missing': "det obligatoriske item '{linkId}' har intet svar",
  'questionnaire/answer-type': 'et svar af typen {found} passer ikke til et item af typen {itemType} (forventet {expected})',
  'questionnaire/not-repeating': "item '{linkId}' gentages ikke: kun ét svar (og ét item)",
  'questionnaire/answer-not-allowed': "svaret {value} er ikke en af de værdier, item '{linkId}' tillader",
  'questionnaire/answer-constraint': "svaret {value} på item '{linkId}' overholder ikke dets {constraint}",
  'questionnaire/answer-count': "item '{linkId}' har {count} svar, uden for dets {limit}",
  'questionnaire/not-checked':
    "svaret på item '{linkId}' er ikke kontrolleret[[: værdisættet {valueSet} kan ikke udfoldes her]][[: dets regex {regex} kan tage eksponentiel tid (en gentaget gruppe med en gentagelse), så det køres ikke]]",
  'questionnaire/enablewhen': "item '{linkId}' er besvaret, selv om dets enableWhen slår det fra",
  'questionnaire/enablebehavior-missing':
    "item '{linkId}' har {count} enableWhen-betingelser men ingen enableBehavior (all | any), der siger, hvordan de kombineres (que-12)",
  'questionnaire/enablewhen-inner': "item '{linkId}' slås til af item '{question}', som er item'et selv eller ligger inde i det",
  'questionnaire/group-answer': "item '{linkId}' er et {type}-item og kan ikke have svar",
  'measure/unknown-measure': 'målet {measure} er ukendt; rapporten kontrolleres ikke mod det',
  'measure/report-unmatched': "denne {part} (kode '{code}') svarer ikke til en {part} i målet, eller til en, der allerede er rapporteret",
  'measure/report-missing': "rapporten udelader målets {part} med koden '{code}'",
  'measure/report-subjects': 'antallet {count} afviger fra de {subjects} listede subjekter',
  'measure/report-subject-list': "subjekter listes kun i en rapport af typen 'subject-list', ikke '{type}'",
  'measure/report-score': 'measureScore passer ikke til målets scoring ({scoring})',
  'measure/cql-criteria': "CQL-kriteriet '{expression}' findes ikke: {reason}",
  'conformance/sd-type-namespace': "typen '{type}' er ikke en FHIR-type; en type defineret andetsteds skal være en absolut url",
  'conformance/sd-specialization-type': 'en specialisering skal definere sin egen type, ikke basens type {type} ({base})',
  'conformance/sd-path-type': "stien '{path}' begynder ikke med strukturens type {type}",
  'conformance/sd-path-unknown': "stien '{path}' er ikke et element i basen {base}",
  'conformance/sd-type-profile': 'profilen {profile} er en profil af {profileType}, men elementets type er {type}',
  'conformance/sd-fixed-changed': '{element} er fastlagt til {fixed} af basen; en afgrænsning kan ikke fastlægge en anden værdi',
  'conformance/sd-discriminator-path': "diskriminatorstien '{path}' er ikke et element i det slicede element {element}",
  'conformance/sp-derived-type': 'typen {type} afviger fra typen {parentType} i {derivedFrom}, som denne søgeparameter er afledt af',
  'conformance/sp-derived-base': '{base} er ikke en base i {derivedFrom}, som denne søgeparameter er afledt af',
  'conformance/searchparam-type': 'typen {type} afviger fra typen {definedType} i definitionen {definition}',
  'profiles/unknown': 'profilen {profile} er ikke tilgængelig; der er ikke valideret mod den[[; mente du {suggestion}?]]',
  'profiles/unknown-medcom':
    'profilen {profile} er ikke en MedCom- eller HL7 Danmark-profil, vi kender (en stavefejl i url’en?); der er ikke valideret mod den[[; den nærmeste kendte profil er {nearest}]]',
  'profiles/other-version':
    'filen overholder ikke {standard} {version}, men overholder {fits}: den er skrevet til en anden version; valider den som den version med --ig {pin}',
  'business/notes-note-empty': 'notatet har ingen synlig tekst (afkodet text/html: {preview})',
  'business/notes-note-formatting': 'notatet følger ikke den forenklede HTML, som Notes-IG’en tillader: {reason}',
  'business/notes-date-before-event':
    'Composition.date {date} (seneste opdatering) ligger før notatet blev oprettet ({createdAt} i {createdBy})',
  'business/notes-effective-differs':
    'Observation.effectiveDateTime {effective} er ikke samme tidspunkt som Composition.event.period.start {start}',
  'business/notes-private-shared': 'notatet er privatmarkeret{when}; et privatmarkeret notat må ikke deles',
  'business/notes-private-not-withdrawn':
    'notatet {note} blev privatmarkeret{when}, efter at dokumentet {document}, der indeholder det, blev delt ({shared}), og intet senere trin trækker dokumentet tilbage eller erstatter det',
  'business/notes-withdrawal-invalid': 'trinnet trækker ikke et dokument tilbage, som er delt tidligere i forløbet: {reason}',
  'business/notes-aktindsigt-missing-private':
    'aktindsigtsudtrækket mangler notatet {note}, der blev privatmarkeret{when} ({marked}); privatmarkerede notater udleveres til patienten ved aktindsigt',
  'business/notes-aktindsigt-other-patient':
    'dette dokument vedrører patienten med CPR {cpr}, men aktindsigtsudtrækket vedrører {expected} ({first}): et aktindsigtsudtræk indeholder kun én patients dokumenter',
  'business/notes-consultation-type':
    'konsultationstypen {code} er hverken sygebesøg, video-, telefon- eller fysisk konsultation; sådan et notat må ikke deles',
  'business/hco-sampling-time': 'resultatet har intet prøvetagningstidspunkt (effectiveDateTime)',
  'business/hco-observation-final': "resultatets status er '{status}'; kommunale prøvesvar er altid endelige (final)",
  'business/hco-code-repertoire': 'resultatets kode er ikke fra det nationale analyserepertoire ({valueSets}): {codes}',
  'business/hco-code-display': "{code} vises uden sit lange navn: display er '{display}', repertoiret siger '{expected}'",
  'business/hco-interpretation-ni': 'resultatet har ikke fortolkningen NI (kommunale prøvesvar er ikke referencevurderede)',
  'business/hco-restricted-shared':
    'rapporten har mærkningen R (Restricted) for manglende samtykke: patienten har ikke givet samtykke til at dele resultaterne med andre end den praktiserende læge, så den må ikke indgå i et udtræk til deling',
  'business/hco-result-length': "resultatværdien '{value}' er {length} tegn lang, mere end 12",
  'business/not-checked': '{rule} kunne ikke kontrolleres: {reason}',
  // terminology (issue 15, item 5)
  'terminology/unknown-code': "'{code}' er ikke en kode i {system} (kodesystemet givet med --terminology)",
  'terminology/system-not-absolute': "Coding.system '{system}' er ikke en absolut URI (et kodesystem navngives med en URL eller urn:oid:)",
  'terminology/not-checked':
    "{count} kode(r) fra {system} i denne fil er ikke kontrolleret (den første: '{code}', her): {reason}; giv kodesystemet med --terminology for at kontrollere dem",
} as const satisfies Record<RuleId, string>;
