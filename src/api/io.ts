/**
 * File and terminal helpers for the front ends (the CLI, the self-test server): input read under a
 * size cap, output written atomically, errors that name the file (src/util/fs-safe.ts), and text
 * made safe for a terminal (src/util/text.ts).
 */
export { DEFAULT_MAX_INPUT_BYTES, readFileSafe, readStreamCapped, SafeFileError, writeFileAtomic } from '../util/fs-safe.js';
export { terminalSafe, valueText } from '../util/text.js';
export { compiledScript } from '../util/worker-script.js';
export { referenceText, safeXmlParserOptions } from '../util/xml-safe.js';
