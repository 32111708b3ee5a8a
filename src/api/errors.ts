/** The errors a caller of the API tells the user about (exit code 2): a usage problem, a file that cannot be read or written safely. */
export { UsageError } from '../util/errors.js';
export { SafeFileError } from '../util/fs-safe.js';
