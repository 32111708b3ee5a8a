/**
 * The FHIR snapshot generator (the HL7 IG Publisher's ProfileUtilities) changed behaviour
 * several times in 2024-2025, and MedCom packages were published with different publisher
 * versions. A package declares which behaviour its published snapshots follow, so that our
 * snapshots match the published ones element by element. See docs/compiler/snapshot-generation.md.
 */
export interface SnapshotRules {
  /**
   * When a differential profiles an element's type, the element starts from the type profile's
   * root element (so e.g. ContactPoint's `cpt-2` appears on `Patient.telecom`):
   * `all` for every profiled type (publisher ≤ 1.8.3, core ≤ 6.5.1, i.e. builds of 2024);
   * `extension-and-resource` only for Extension and Resource types (later builds).
   */
  profileRootTemplate: 'all' | 'extension-and-resource';
  /**
   * Canonicals an element takes over from the base FHIR definitions (binding value sets, type
   * profiles, reference target profiles under `http://hl7.org/fhir/`) get the core version
   * appended (`…/ValueSet/languages|4.0.1`) where the snapshot starts from a base resource or data
   * type, or unfolds a base data type's children. What the profile itself states stays unversioned.
   * Seen in packages built by IG Publishers of late 2025 (DK Core 3.5.0).
   */
  pinCoreCanonicals?: boolean;
  /**
   * A new slice starts from this profile's current version of the sliced element (with the rules
   * already applied to it and its unfolded children), not from the parent's; and when an element
   * whose children are already unfolded gets a (non-reference) type profile, its children are
   * taken afresh from that profile. Seen in MedCom Core 4.0.0's Encounter.episodeOfCare slice.
   */
  sliceFromProfileElement?: boolean;
  /**
   * When the parent sliced a choice already (`value[x]:valueQuantity`) and this profile adds a
   * type slice of its own (`value[x]:valueString`), the choice keeps every type it had; builds of
   * early 2025 narrowed it to the sliced types (HCO 1.1.0-trial-use: `Quantity | string`). Seen
   * from September 2025 (HCO 1.1.1-trial-use: all eleven `Observation.value[x]` types).
   */
  keepChoiceTypesOnAddedTypeSlice?: boolean;
  /**
   * A type profile (or reference target profile) the differential states that cannot be resolved stays on the
   * element as stated, and the element's children unfold from the base type, as the HL7 snapshot generator has it
   * (it warns and keeps the profile; the validator then reports that it cannot check values or targets against
   * it). For snapshots generated from a differential on load (`generateSnapshot`); a profile we compile ourselves
   * must resolve.
   */
  keepUnresolvedTypeProfiles?: boolean;
}

export const SNAPSHOT_RULES = {
  /** IG Publisher 1.6–1.8.3 (core ≤ 6.5.1), used for packages published in 2024. */
  'publisher-2024': { profileRootTemplate: 'all' },
  /** IG Publisher ≥ 1.8.4 (core ≥ 6.5.2), used for packages published from 2025. */
  'publisher-2025': { profileRootTemplate: 'extension-and-resource' },
  /** IG Publisher of September 2025 (HCO 1.1.1-trial-use): as 2025, and an added type slice no longer narrows the choice. */
  'publisher-2025-09': { profileRootTemplate: 'extension-and-resource', keepChoiceTypesOnAddedTypeSlice: true },
  /** IG Publisher of late 2025 (DK Core 3.5.0, HCO 1.2.x, December 2025): as September 2025, and base canonicals pinned to `|4.0.1`. */
  'publisher-2025-12': { profileRootTemplate: 'extension-and-resource', keepChoiceTypesOnAddedTypeSlice: true, pinCoreCanonicals: true },
  /** IG Publisher 2.0.x (core 6.6+), used for MedCom packages published from 2026: as late 2025, and slices from the profile's element. */
  'publisher-2026': {
    profileRootTemplate: 'extension-and-resource',
    keepChoiceTypesOnAddedTypeSlice: true,
    pinCoreCanonicals: true,
    sliceFromProfileElement: true,
  },
} as const satisfies Record<string, SnapshotRules>;

export type SnapshotRulesName = keyof typeof SNAPSHOT_RULES;
