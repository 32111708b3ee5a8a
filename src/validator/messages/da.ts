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
  'references/target-type': 'reference til en {type}; tilladt: {allowed}',
  'references/target-profile': "'{reference}' overholder ingen af profilerne {profiles} (første: {why})",
  'references/not-checked': "'{reference}': målprofilen {profiles} er ikke tilgængelig; overensstemmelse ikke kontrolleret",
  'bundle/first-entry': 'første entry skal være en {expected}, fandt {found}',
  'bundle/fullurl-missing': 'entry har ingen fullUrl',
  'bundle/fullurl-duplicate': 'fullUrl {fullUrl} bruges af {count} entries',
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
  'questionnaire/group-answer': "item '{linkId}' er et {type}-item og kan ikke have svar",
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
  'terminology/not-checked':
    "{count} kode(r) fra {system} i denne fil er ikke kontrolleret (den første: '{code}', her): {reason}; giv kodesystemet med --terminology for at kontrollere dem",
} as const satisfies Record<RuleId, string>;
