/** The standards `--ig` names, with the package that defines them and their Bundle profile. */
export const IGS = {
  conditionlist: {
    title: 'MedCom ConditionList (Diagnoseoversigt)',
    packageId: 'medcom.fhir.dk.conditionlist',
    version: '1.0.1',
    bundleProfile: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle|1.0.1',
  },
  notes: {
    title: 'MedCom Notes (Deling af journalnotater)',
    packageId: 'medcom.fhir.dk.notes',
    version: '1.0.0',
    bundleProfile: 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle|1.0.0',
  },
  hco: {
    title: 'MedCom HomeCareObservation (Kommunale prøvesvar)',
    packageId: 'medcom.fhir.dk.homecareobservation',
    version: '1.1.0-trial-use',
    bundleProfile: 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.0-trial-use',
  },
} as const;

export type IgAlias = keyof typeof IGS;
export const IG_ALIASES = Object.keys(IGS) as IgAlias[];
