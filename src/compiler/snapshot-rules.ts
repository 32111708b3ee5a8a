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
   * Elements taken from the base FHIR R4 definitions (the parent's snapshot when the parent is a
   * base resource or data type, and children unfolded from a base data type) get their canonical
   * references to base FHIR pinned to `|4.0.1`: type profiles, target profiles and binding value
   * sets under `http://hl7.org/fhir/`. Targets and value sets a profile states itself stay as
   * written. Seen in packages built from late 2025 on (IG Publisher 2.0.x, core 6.6+).
   */
  pinBaseCanonicals: boolean;
  /**
   * A new slice starts from this profile's current version of the sliced element (with the rules
   * already applied to it and its unfolded children), not from the parent's; and when an element
   * whose children are already unfolded gets a (non-reference) type profile, its children are
   * taken afresh from that profile. Seen in MedCom Core 4.0.0's Encounter.episodeOfCare slice.
   */
  sliceFromProfileElement: boolean;
}

export const SNAPSHOT_RULES = {
  /** IG Publisher 1.6–1.8.3 (core ≤ 6.5.1), used for packages published in 2024. */
  'publisher-2024': { profileRootTemplate: 'all', pinBaseCanonicals: false, sliceFromProfileElement: false },
  /** IG Publisher ≥ 1.8.4 (core ≥ 6.5.2), used for packages published from 2025. */
  'publisher-2025': { profileRootTemplate: 'extension-and-resource', pinBaseCanonicals: false, sliceFromProfileElement: false },
  /** IG Publisher 2.0.x (core 6.6+), used for packages published from 2026: base canonicals pinned, slices from the profile's element. */
  'publisher-2026': { profileRootTemplate: 'extension-and-resource', pinBaseCanonicals: true, sliceFromProfileElement: true },
} as const satisfies Record<string, SnapshotRules>;

export type SnapshotRulesName = keyof typeof SNAPSHOT_RULES;
