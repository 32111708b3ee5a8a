/**
 * Code systems that are never decided locally, even when a package ships a stub or a fragment of
 * them: they are too big to have here (SNOMED CT, LOINC, NPU, SKS, ICD, ATC …) or defined by a
 * grammar rather than a list (UCUM, MIME types, language tags, URIs). Value sets can still decide
 * codes they list explicitly; everything else in these systems is `unknown`, never `not-in`.
 */

/** UCUM: a grammar, decided unit by unit (ucum.ts) where a value set includes all of it. */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

export interface ExternalSystem {
  /** Human name for reasons. */
  name: string;
  kind: 'large' | 'grammar';
  /** Codes compare case-insensitively (language tags, MIME types). */
  caseInsensitive?: boolean;
  /** The preferred canonical URL when this entry is an OID alias of it. */
  canonical?: string;
}

const LARGE: [string, string][] = [
  ['http://snomed.info/sct', 'SNOMED CT'],
  ['http://loinc.org', 'LOINC'],
  ['urn:oid:1.2.208.176.2.1', 'NPU'],
  ['urn:oid:1.2.208.176.2.4', 'SKS'],
  ['http://hl7.org/fhir/sid/icd-10', 'ICD-10'],
  ['http://hl7.org/fhir/sid/icd-10-cm', 'ICD-10-CM'],
  ['http://hl7.org/fhir/sid/icd-9-cm', 'ICD-9-CM'],
  ['http://id.who.int/icd/release/11/mms', 'ICD-11'],
  ['http://id.who.int/icd11/mms', 'ICD-11'],
  ['urn:oid:2.16.840.1.113883.6.3', 'ICD-10'],
  ['urn:oid:2.16.840.1.113883.6.90', 'ICD-10-CM'],
  ['urn:oid:2.16.840.1.113883.6.103', 'ICD-9-CM'],
  ['http://www.whocc.no/atc', 'ATC'],
  ['urn:oid:2.16.840.1.113883.6.73', 'ATC'],
  ['http://www.nlm.nih.gov/research/umls/rxnorm', 'RxNorm'],
  ['http://www.ama-assn.org/go/cpt', 'CPT'],
  ['http://hl7.org/fhir/sid/ndc', 'NDC'],
  ['http://hl7.org/fhir/sid/cvx', 'CVX'],
  ['http://fdasis.nlm.nih.gov', 'UNII'],
  ['http://nucc.org/provider-taxonomy', 'NUCC provider taxonomy'],
  ['http://www.genenames.org', 'HGNC'],
  ['http://www.ensembl.org', 'Ensembl'],
  ['http://www.ncbi.nlm.nih.gov/nuccore', 'RefSeq'],
  ['http://www.ncbi.nlm.nih.gov/clinvar', 'ClinVar'],
  ['http://www.ncbi.nlm.nih.gov/projects/SNP', 'dbSNP'],
  ['http://www.sequenceontology.org', 'Sequence Ontology'],
  ['http://varnomen.hgvs.org', 'HGVS'],
  ['http://varnomen.hgvs.org/', 'HGVS'],
  ['http://cancer.sanger.ac.uk/cancergenome/projects/cosmic', 'COSMIC'],
  ['http://www.ebi.ac.uk/ipd/imgt/hla', 'IMGT/HLA'],
  ['urn:iso:std:iso:3166', 'ISO 3166'],
  ['urn:iso:std:iso:3166:-2', 'ISO 3166-2'],
  ['urn:iso:std:iso:4217', 'ISO 4217'],
  ['urn:iso:std:iso:11073:10101', 'ISO 11073-10101'],
  ['http://unstats.un.org/unsd/methods/m49/m49.htm', 'UN M49'],
];

const GRAMMAR: [string, string, boolean][] = [
  [UCUM_SYSTEM, 'UCUM', false],
  ['urn:ietf:bcp:13', 'MIME types (BCP 13)', true],
  ['urn:ietf:bcp:47', 'language tags (BCP 47)', true],
  ['urn:ietf:rfc:3986', 'URIs (RFC 3986)', false],
  ['https://www.iana.org/time-zones', 'IANA time zones', false],
];

/** Well-known OIDs of the systems above (HL7 OID registry). */
const OID_ALIASES: [string, string][] = [
  ['urn:oid:2.16.840.1.113883.6.96', 'http://snomed.info/sct'],
  ['urn:oid:2.16.840.1.113883.6.1', 'http://loinc.org'],
  ['urn:oid:2.16.840.1.113883.6.8', 'http://unitsofmeasure.org'],
];

const TABLE = new Map<string, ExternalSystem>();
for (const [url, name] of LARGE) TABLE.set(url, { name, kind: 'large' });
for (const [url, name, ci] of GRAMMAR) TABLE.set(url, ci ? { name, kind: 'grammar', caseInsensitive: true } : { name, kind: 'grammar' });
for (const [oid, url] of OID_ALIASES) {
  const target = TABLE.get(url);
  if (target) TABLE.set(oid, { ...target, canonical: url });
}

/** The external system `system` names, if any (SNOMED CT editions and modules included). */
export function externalSystem(system: string): ExternalSystem | undefined {
  const hit = TABLE.get(system);
  if (hit) return hit;
  if (system.startsWith('http://snomed.info/sct/') || system.startsWith('http://snomed.info/id/'))
    return TABLE.get('http://snomed.info/sct');
  return undefined;
}

export function externalReason(system: string, ext: ExternalSystem): string {
  return ext.kind === 'large'
    ? `${system} (${ext.name}) is not available locally`
    : `${system} (${ext.name}) is defined by a grammar, not a list; only codes listed explicitly can be checked locally`;
}

/** `urn:oid:1.2.3` or `1.2.3` → `1.2.3`; anything else → undefined. */
export function oidOf(value: string): string | undefined {
  const bare = value.startsWith('urn:oid:') ? value.slice('urn:oid:'.length) : value;
  return /^[0-2](\.(0|[1-9][0-9]*))+$/.test(bare) ? bare : undefined;
}
