import type { CodeCheck, TerminologyService } from './types.js';

/** A terminology service that knows nothing: every binding is reported as not checked. */
export class NoTerminology implements TerminologyService {
  check(valueSet: string): CodeCheck {
    return { result: 'unknown', reason: `no terminology for ${valueSet}` };
  }
  checkCodeSystem(system: string): CodeCheck {
    return { result: 'unknown', reason: `no terminology for ${system}` };
  }
  isLoaded(): boolean {
    return false;
  }
}
