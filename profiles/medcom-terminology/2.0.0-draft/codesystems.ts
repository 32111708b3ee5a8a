import { codeSystemSpec, defineCodeSystem } from '../../../src/dsl/index.js';
import { codeSystemSpecs as v181 } from '../1.8.1/codesystems.js';
import { pkg } from './package.js';

/** Designation use "Synonym" (SNOMED CT 900000000000013009): the analysis' short name. */
const shortName = (value: string) => ({ use: { system: 'http://snomed.info/sct', code: '900000000000013009' }, value });

/**
 * The concept properties the repertoire code systems declare (status and effectiveDate of each code; 2.0.2 keeps this
 * wording for them).
 */
const repertoireLifecycleProperties = [
  {
    code: 'status',
    uri: 'http://hl7.org/fhir/concept-properties#status',
    description:
      "A property that indicates the status of the concept. One of experimental, active, deprecated, retired. Find Governance for MedCom Terminology in the 'Home' tab.",
    type: 'code',
  },
  {
    code: 'effectiveDate',
    uri: 'http://hl7.org/fhir/concept-properties#effectiveDate',
    description: 'The date at which the code status was last changed.',
    type: 'dateTime',
  },
];

/** A concept's `status` and `effectiveDate` property values. */
export const lifecycle = (status: 'experimental' | 'active' | 'deprecated' | 'retired', since: string) => [
  { code: 'status', valueCode: status },
  { code: 'effectiveDate', valueDateTime: since },
];

/** An analysis of the repertoire as 2.0.0-draft publishes it: long name, short name, experimental since 2025-06-28. */
const analysis = <const C extends string>(code: C, display: string, short: string) => ({
  code,
  display,
  designation: [shortName(short)],
  property: lifecycle('experimental', '2025-06-28'),
});

/** What changed from 1.8.1; everything else is carried over unchanged (republished as 2.0.0-draft). */
export const codeSystemSpecs = {
  ...v181,

  MedComObservationResultGroup: codeSystemSpec({
    ...v181.MedComObservationResultGroup,
    title: 'MedComObservationResultGroup',
    description: 'The observation result group are intended to be used to sort the individual analyzes.',
    extra: { ...v181.MedComObservationResultGroup.extra, language: 'da-DK' },
  }),

  /** New: the MedCom (MCS) analysis codes of the national analysis repertoire (1.8.1 had them only in a ValueSet). */
  MedComObservationCodes: codeSystemSpec({
    id: 'medcom-observation-codes',
    name: 'MedComObservationCodes',
    title: 'MedComObservationCodes',
    status: 'draft',
    experimental: true,
    description: 'CodeSystem with observations codes used in HomeCareObservation',
    caseSensitive: false,
    property: repertoireLifecycleProperties,
    concepts: [
      analysis('MCS88122', 'Pt—Respiration; frekvens = ? X 1/min', 'Respirationsfrekvens;Pt'),
      analysis('MCS88125', 'Pt—Tidlig Opsporing af Begyndende Sygdom (TOBS) score; antal (værdi 0-15) = ?', 'TOBS score;Pt'),
      analysis('MCS88126', 'Pt—Bevidsthedsniveau; arb.antal(værdi 0-3) = ?', 'Bevidsthed;Pt'),
      analysis('MCS88147', 'Pt—Manniche VAS-score(total); antal(værdi 0-60) = ?', 'Manniche VAS-score(total);Pt'),
    ],
    extra: { language: 'da-DK', date: '2025-06-28' },
  }),

  /**
   * New: the NPU (and DNK) analysis codes of the national analysis repertoire, under the NPU OID
   * (1.8.1 had them only in the ValueSet NPUObservationCodesValueSet, with NPU01933 listed twice).
   */
  NPUObservationCodes: codeSystemSpec({
    id: 'npu-observation-codes',
    name: 'NPUObservationCodes',
    title: 'NPUObservationCodes',
    url: 'urn:oid:1.2.208.176.2.1',
    status: 'draft',
    description: 'CodeSystem with NPU observation codes',
    caseSensitive: false,
    property: repertoireLifecycleProperties,
    concepts: [
      analysis('DNK05473', 'Arm—Blodtryk(diastolisk); tryk =? mmHg', 'Blodtryk diastolisk;Arm'),
      analysis('DNK05472', 'Arm—Blodtryk(systolisk); tryk = ? mmHg', 'Blodtryk systolisk;Arm'),
      analysis('NPU21692', 'Hjerte—Systole; frekv. = ? × 1/min', 'Puls;Hjerte'),
      analysis('NPU10197', 'Hb(Fe; O2-bind.; kB)—Oxygen(O2); mætn. = ?', 'O2 sat.;Hb(kB)'),
      analysis('NPU08676', 'Pt—Legeme; temp. = ? °C', 'Legeme temp.;Pt'),
      analysis('NPU19748', 'P—C-reaktivt protein; massek. = ? mg/L', 'C-reaktivt protein [CRP];P'),
      analysis('NPU02593', 'B—Leukocytter; antalk. = ? × 10^9/L', 'Leukocytter;B'),
      // published with the display of NPU02593 (corrected to "B—Lymfocytter…" in 2.0.2)
      analysis('NPU02636', 'B—Leukocytter; antalk. = ? × 10^9/L', 'Leukocyttype gruppe;B'),
      analysis('NPU02840', 'B—Monocytter; antalk. = ? × 10^9/L', 'Monocytter;B'),
      analysis('NPU02902', 'B—Neutrophilocytter; antalk. = ? × 10^9/L', 'Neutrofilocytter;B'),
      analysis('NPU01933', 'B—Eosinophilocytter; antalk. = ? × 10^9/L', 'Eosinofilocytter;B'),
      analysis('NPU01349', 'B—Basophilocytter; antalk. = ? × 10^9/L', 'Basofilocytter;B'),
      analysis('NPU22089', 'P(kB)—Glucose; stofk. = ? mmol/L', 'Glukose;P(kB)'),
      analysis(
        'NPU01685',
        'P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ?',
        'Koagulationsfaktor II+VII+X [INR];P',
      ),
      analysis('NPU03429', 'P—Natrium-ion; stofk. = ? mmol/L', 'Natrium;P'),
      analysis('NPU03230', 'P—Kalium-ion; stofk. = ? mmol/L', 'Kalium;P'),
      analysis('NPU01536', 'P—Chlorid; stofk. = ? mmol/L', 'Klorid;P'),
      analysis('NPU04144', 'P—Calcium-ion(frit); stofk.(pH = 7,40; proc.) = ? mmol/L', 'Calcium-ion frit (pH=7,4);P'),
      analysis('NPU02319', 'B—Hæmoglobin(Fe); stofk. = ? mmol/L', 'Hæmoglobin;B'),
      analysis('NPU02187', 'B—Glucose; stofk. = ? mmol/L', 'Glukose;B'),
      analysis('NPU21531', 'P(vB)—Glucose; stofk. = ? mmol/L', 'Glukose;P(vB)'),
      analysis('NPU01459', 'P—Carbamid; stofk. = ? mmol/L', 'Karbamid;P'),
      analysis('NPU04998', 'P—Creatininium; stofk.(enz.) = ? µmol/L', 'Kreatinin;P'),
      analysis('NPU18016', 'P—Creatininium; stofk. = ? µmol/L', 'Kreatinin;P'),
      analysis('NPU04206', 'U—Protein; arb.k.(proc.) = ?', 'Protein(semikvant);U'),
      analysis('NPU21578', 'U—Nitrit; arb.k.(proc.) = ?', 'Nitrit (semikvant);U'),
      analysis('NPU04207', 'U—Glucose; arb.k.(proc.) = ?', 'Glukose(semikvant);U'),
      analysis('NPU03987', 'U—Leukocytter; arb.k.(proc.) = ?', 'Leukocytter(semikvant);U'),
      analysis('NPU04208', 'U—Hæmoglobin; arb.k.(proc.) = ?', 'Hæmoglobin(semikvant);U'),
      analysis('NPU10504', 'U—Acetoacetat; arb.k.(proc.) = ?', 'Acetoacetat(semikvant);U'),
      analysis('NPU16328', 'U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?', 'Dyrkning(bacterium+fungus);U(midt)'),
      analysis('NPU18542', 'U(spec.)—Bacterium+fungus; taxon(proc.) = ?', 'Dyrkning (bacterium+fungus);U'),
      analysis('NPU16271', 'Ex—Bacterium+fungus; taxon(proc.) = ?', 'Dyrkning (bacterium+fungus);Ex'),
      analysis('NPU03794', 'Pt—Legeme; højde = ? m', 'Legeme højde;Pt'),
      analysis('NPU03804', 'Pt—Legeme; masse = ? kg', 'Legeme vægt;Pt'),
    ],
    extra: { language: 'da-DK', date: '2025-06-28' },
  }),
};

export const MedComObservationResultGroup = defineCodeSystem(pkg, codeSystemSpecs.MedComObservationResultGroup);
export const MedComAcknowledgementErrorCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComAcknowledgementErrorCodes);
export const MedComCareCommunicationCategoryCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComCareCommunicationCategoryCodes);
export const MedComCoreEncounterActCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComCoreEncounterActCodes);
export const MedComCoreInterpretationCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComCoreInterpretationCodes);
export const MedComCorePractitionerRolesAutorisationsregistret = defineCodeSystem(
  pkg,
  codeSystemSpecs.MedComCorePractitionerRolesAutorisationsregistret,
);
export const MedComCorePractitionerRolesSKSadministrativ = defineCodeSystem(
  pkg,
  codeSystemSpecs.MedComCorePractitionerRolesSKSadministrativ,
);
export const MedComDiagnosticReportCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComDiagnosticReportCodes);
export const MedComMessageDefinitionType = defineCodeSystem(pkg, codeSystemSpecs.MedComMessageDefinitionType);
export const MedComMessagingActivityCodesCodeSystem = defineCodeSystem(pkg, codeSystemSpecs.MedComMessagingActivityCodesCodeSystem);
export const MedComMessagingCancellationReason = defineCodeSystem(pkg, codeSystemSpecs.MedComMessagingCancellationReason);
export const MedComMessagingDesinationUseCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComMessagingDesinationUseCodes);
export const MedComMessageEventCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComMessageEventCodes);
export const MedComMessagingSorEdiSystem = defineCodeSystem(pkg, codeSystemSpecs.MedComMessagingSorEdiSystem);
export const MedComMessagingStatisticalCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComMessagingStatisticalCodes);
export const MedComProducentID = defineCodeSystem(pkg, codeSystemSpecs.MedComProducentID);
export const MedComMessageDefinitionIdentifierSystem = defineCodeSystem(pkg, codeSystemSpecs.MedComMessageDefinitionIdentifierSystem);
export const MedComObservationCodes = defineCodeSystem(pkg, codeSystemSpecs.MedComObservationCodes);
export const NPUObservationCodes = defineCodeSystem(pkg, codeSystemSpecs.NPUObservationCodes);
