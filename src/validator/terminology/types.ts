/** Whether a code is in a value set: decided locally, or `unknown` (reported as "not checked"). */
export type Membership = 'in' | 'not-in' | 'unknown';

export interface CodeCheck {
  result: Membership;
  /** Why the answer is `unknown` (value set not found, external code system, filter not decidable …). */
  reason?: string;
  /** The display the code system gives the code, when known (for display checks). */
  display?: string;
  /** For a check without a system (a `code` element): the code system of the value set the code was found in. */
  system?: string;
}

/** What a message can say about a value set: its title (else name), and all its codes when it expands completely here. */
export interface ValueSetDescription {
  title?: string;
  codes?: readonly { system: string; code: string }[];
}

/**
 * Local terminology: ValueSet expansion and membership from the loaded packages only (no server).
 * A value set that cannot be expanded locally answers `unknown`, never a false `not-in`.
 */
export interface TerminologyService {
  /** Is `system#code` in the value set (canonical, optionally `|version`)? `system` may be absent for `code` elements. */
  check(valueSet: string, system: string | undefined, code: string): CodeCheck;
  /** The value set's title and (when it expands completely here) its codes, for the message of a code not in it. */
  describe?(valueSet: string): ValueSetDescription;
  /** Is the code defined by the code system (when the code system is available and complete)? */
  checkCodeSystem(system: string, code: string): CodeCheck;
  /** Was the code system given to the run (`validate --terminology`), not only found in the packages? */
  isLoaded(system: string): boolean;
}
