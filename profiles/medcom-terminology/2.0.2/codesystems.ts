import { codeSystemSpec, defineCodeSystem, type CodeSystemSpec, type ConceptSpec } from '../../../src/dsl/index.js';
import { codeSystemSpecs as v200, lifecycle } from '../2.0.0-draft/codesystems.js';
import { pkg } from './package.js';

type Status = Parameters<typeof lifecycle>[0];

/** The concept properties the MedCom code systems declare from 2.0.2 on (the repertoire ones keep 2.0.0-draft's wording). */
const lifecycleProperties = [
  {
    code: 'status',
    uri: 'http://hl7.org/fhir/concept-properties#status',
    description: 'A property that indicates the status of the concept. One of active, experimental, deprecated, or retired.',
    type: 'code',
  },
  {
    code: 'effectiveDate',
    uri: 'http://hl7.org/fhir/concept-properties#effectiveDate',
    description: 'The date at which the concept status was last changed.',
    type: 'dateTime',
  },
];

/** From 2.0.2 on each artifact has its own version; `date` is the artifact's new date when it changed. */
function revised<S extends CodeSystemSpec<string>>(spec: S, version: string, date?: string): S {
  return date === undefined ? { ...spec, version } : { ...spec, version, extra: { ...spec.extra, date } };
}

/** Draft → active, and the `experimental` flag is dropped. */
function released<S extends CodeSystemSpec<string>>({ experimental: _experimental, ...spec }: S): S {
  return { ...spec, status: 'active' } as S;
}

type Amendment = { status?: Status; since?: string; display?: string; definition?: string };

/**
 * Every concept with a `status` and `effectiveDate` property (default: active since `since`); `amend`
 * changes single codes.
 */
function withLifecycle<C extends ConceptSpec>(concepts: readonly C[], since: string, amend: Record<string, Amendment> = {}): C[] {
  return concepts.map((c) => {
    const { status = 'active', since: date = since, ...fields } = amend[c.code] ?? {};
    return { ...c, ...fields, property: lifecycle(status, date) };
  });
}

/** New codes, each group placed before the code it is keyed by. */
function insertBefore<C extends ConceptSpec>(concepts: readonly C[], placements: Record<string, readonly C[]>): C[] {
  for (const code of Object.keys(placements)) if (!concepts.some((c) => c.code === code)) throw new Error(`no concept ${code}`);
  return concepts.flatMap((c) => [...(placements[c.code] ?? []), c]);
}

/** A concept added in 2.0.2. */
const added = (code: string, display: string, since: string, designation?: ConceptSpec['designation']): ConceptSpec => ({
  code,
  display,
  ...(designation ? { designation } : {}),
  property: lifecycle('active', since),
});

const da = (value: string) => [{ language: 'da', value }];

/** The analysis codes without their short-name designations (dropped in 2.0.2). */
const withoutShortNames = <C extends ConceptSpec>(concepts: readonly C[]): C[] => concepts.map(({ designation: _d, ...c }) => c as C);

const SINCE_2022 = '2022-10-05';
const TERMINOLOGY_2025 = '2025-09-22';
const REPERTOIRE_2025 = '2025-11-18';

/** What changed from 2.0.0-draft; every artifact is revised at least in its version. */
export const codeSystemSpecs = {
  ...v200,

  MedComDiagnosticReportCodes: revised(released(v200.MedComDiagnosticReportCodes), '1.8.2', REPERTOIRE_2025),
  MedComProducentID: revised(released(v200.MedComProducentID), '1.8.2', REPERTOIRE_2025),
  MedComAcknowledgementErrorCodes: revised(v200.MedComAcknowledgementErrorCodes, '1.8.1'),

  /** New categories acute-ambulant and extended-care-responsibility. */
  MedComCareCommunicationCategoryCodes: codeSystemSpec({
    ...revised(v200.MedComCareCommunicationCategoryCodes, '1.9.0', '2025-10-28'),
    property: lifecycleProperties,
    concepts: insertBefore(withLifecycle(v200.MedComCareCommunicationCategoryCodes.concepts, '2022-11-01'), {
      other: [
        added('acute-ambulant', 'Acute ambulant', TERMINOLOGY_2025, da('Akut ambulant')),
        added('extended-care-responsibility', 'Extended care responsibility', TERMINOLOGY_2025, da('Udvidet behandlingsansvar')),
      ],
    }),
  }),

  MedComCorePractitionerRolesAutorisationsregistret: codeSystemSpec({
    ...revised(v200.MedComCorePractitionerRolesAutorisationsregistret, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComCorePractitionerRolesAutorisationsregistret.concepts, SINCE_2022),
  }),

  /** The misspelt codes are deprecated, each next to its corrected successor. */
  MedComCorePractitionerRolesSKSadministrativ: codeSystemSpec({
    ...revised(v200.MedComCorePractitionerRolesSKSadministrativ, '2.0.0', TERMINOLOGY_2025),
    description:
      'CodeSystem containing codes for practionerroles (Danish:Stillingsbetegnelser) from [SKS Administrativt-Personaleklassifikation](https://medinfo.dk/sks/brows.php?s_nod=924).',
    property: lifecycleProperties,
    concepts: insertBefore(
      withLifecycle(v200.MedComCorePractitionerRolesSKSadministrativ.concepts, SINCE_2022, {
        socialogsundhedsmehjaelper: { status: 'deprecated', since: TERMINOLOGY_2025 },
        pyskolog: { status: 'deprecated', since: TERMINOLOGY_2025 },
        sygeplejesekretear: { status: 'deprecated' }, // deprecated, effective date left at 2022-10-05
      }),
      {
        socialogsundhedsmehjaelper: [added('socialogsundhedsmedhjaelper', 'Social- og sundhedsmedhjælper', TERMINOLOGY_2025)],
        pyskolog: [added('psykolog', 'Psykolog', TERMINOLOGY_2025)],
        sygeplejesekretear: [added('sygeplejesekretaer', 'Sygeplejesekretær', SINCE_2022)],
      },
    ),
  }),

  MedComCoreEncounterActCodes: codeSystemSpec({
    ...revised(v200.MedComCoreEncounterActCodes, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComCoreEncounterActCodes.concepts, SINCE_2022),
  }),

  MedComCoreInterpretationCodes: revised(released(v200.MedComCoreInterpretationCodes), '1.8.2', REPERTOIRE_2025),
  MedComMessageDefinitionType: revised(v200.MedComMessageDefinitionType, '1.8.1'),
  MedComMessageDefinitionIdentifierSystem: revised(v200.MedComMessageDefinitionIdentifierSystem, '1.8.1'),

  MedComMessagingActivityCodesCodeSystem: codeSystemSpec({
    ...revised(v200.MedComMessagingActivityCodesCodeSystem, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComMessagingActivityCodesCodeSystem.concepts, SINCE_2022),
  }),

  MedComMessagingCancellationReason: revised(v200.MedComMessagingCancellationReason, '1.8.1'),

  MedComMessagingDesinationUseCodes: codeSystemSpec({
    ...revised(v200.MedComMessagingDesinationUseCodes, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComMessagingDesinationUseCodes.concepts, SINCE_2022),
  }),

  MedComMessageEventCodes: codeSystemSpec({
    ...revised(v200.MedComMessageEventCodes, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComMessageEventCodes.concepts, SINCE_2022, { 'care-communication-message': { since: '2024-11-07' } }),
  }),

  MedComMessagingSorEdiSystem: codeSystemSpec({
    ...revised(v200.MedComMessagingSorEdiSystem, '1.8.1', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: withLifecycle(v200.MedComMessagingSorEdiSystem.concepts, SINCE_2022),
  }),

  /** assessment deprecated for home-care-assessment; the new care communication categories; FCTL (acknowledgement) codes. */
  MedComMessagingStatisticalCodes: codeSystemSpec({
    ...revised(v200.MedComMessagingStatisticalCodes, '2.0.0', TERMINOLOGY_2025),
    property: lifecycleProperties,
    concepts: [
      ...insertBefore(
        withLifecycle(v200.MedComMessagingStatisticalCodes.concepts, SINCE_2022, {
          'MCM:FDIS91#assessment': { status: 'deprecated', since: TERMINOLOGY_2025 },
        }),
        {
          'MCM:FDIS91#examination-results': [added('MCM:FDIS91#home-care-assessment', 'Home Care Assessment', TERMINOLOGY_2025)],
          'MCM:FDIS91#other': [
            added('MCM:FDIS91#alcohol-and-drug-treatment', 'Alcohol and Drug Treatment', TERMINOLOGY_2025),
            added('MCM:FDIS91#acute-ambulant', 'Acute Ambulant', TERMINOLOGY_2025),
            added('MCM:FDIS91#extended-care-responsibility', 'Extended Care Responsibility', TERMINOLOGY_2025),
          ],
        },
      ),
      added('MCM:FCTL#ok', 'OK', TERMINOLOGY_2025),
      added('MCM:FCTL#transient-error', 'Transient Error', TERMINOLOGY_2025),
      added('MCM:FCTL#fatal-error', 'Fatal Error', TERMINOLOGY_2025),
    ],
  }),

  MedComObservationResultGroup: revised(released(v200.MedComObservationResultGroup), '1.8.2', REPERTOIRE_2025),

  /** Released; short names dropped; MCS88126 gains a definition of its values. */
  MedComObservationCodes: codeSystemSpec({
    ...revised(released(v200.MedComObservationCodes), '1.0.1', REPERTOIRE_2025),
    concepts: withLifecycle(withoutShortNames(v200.MedComObservationCodes.concepts), '2025-06-28', {
      MCS88126: {
        since: REPERTOIRE_2025,
        definition: '0: Habituel, 1: Agiteret eller reagerer kun på tale, 2: Reagerer kun på smerte, 3: Ingen reaktion',
      },
    }),
  }),

  /** Released; short names dropped; NPU02636's display corrected; NPU03963 added. */
  NPUObservationCodes: codeSystemSpec({
    ...revised(released(v200.NPUObservationCodes), '1.1.0', REPERTOIRE_2025),
    concepts: [
      ...withLifecycle(withoutShortNames(v200.NPUObservationCodes.concepts), '2025-06-28', {
        NPU02636: { since: REPERTOIRE_2025, display: 'B—Lymfocytter; antalk. = ? × 10^9/L' },
      }),
      added('NPU03963', 'U—Erythrocytter; arb.k.(proc.) = ?', REPERTOIRE_2025),
    ],
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
