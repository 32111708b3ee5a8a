/** The standards `--ig` names (src/standards/igs.ts). */
export { IGS, IG_ALIASES, type IgAlias } from '../standards/igs.js';
