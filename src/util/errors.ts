/** A usage problem (missing file, unknown --ig, unavailable package): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
