import type { IgAlias } from '../standards/igs.js';

/**
 * What the site says about each standard beyond its package: names in English and Danish, status,
 * kind and purpose. Short facts from the standards' IG pages (see ../shared/research/medcom-igs.md
 * §3.1, §4.1, §5.1), in our words.
 */
export interface IgFacts {
  title: string;
  titleDa: string;
  status: string;
  kind: string;
  purpose: string[];
}

export const IG_FACTS: Record<IgAlias, IgFacts> = {
  conditionlist: {
    title: 'MedCom ConditionList',
    titleDa: 'Diagnoseoversigt (Deling af diagnoseoversigt)',
    status: 'active — release 1.0.1',
    kind: 'FHIR document (Bundle.type = document)',
    purpose: [
      "Document-based sharing of a patient's condition list: the diagnoses the general practitioner has selected to share.",
      'The documents are produced by PLSP (Primærsektorens Leverandør Service Platform) in the project "Deling af diagnoseoversigt" owned by Sundhedsdatastyrelsen.',
    ],
  },
  hco: {
    title: 'MedCom HomeCareObservation',
    titleDa: 'Kommunale prøvesvar',
    status: 'draft — trial use (1.1.0-trial-use, production trial); profiles experimental',
    kind: 'FHIR message (Bundle.type = message)',
    purpose: [
      'Results and observations that the municipal acute care team (kommunal akutfunktion) has performed and analysed itself, sent as a message to the general practitioner who requested the acute visit.',
      'Results are not reference-assessed (interpretation NI), result and report status are always final, and analysis codes come from the national analysis repertoire (NPU and MedCom MCS codes, see the terminology package).',
    ],
  },
  notes: {
    title: 'MedCom Notes (Shared Notes)',
    titleDa: 'Deling af journalnotater',
    status: 'active — release 1.0.0',
    kind: 'FHIR document (Bundle.type = document)',
    purpose: [
      "General practitioners' journal notes made available to other healthcare actors and to citizens: one note per document.",
      'The documents are generated on demand by PLSP from the GP system and shared through NSP / DDS (Document Sharing Service).',
    ],
  },
};
