import { packageContents } from '../../../src/dsl/index.js';
import { pkg } from './package.js';
import { MedComNotesBundle, MedComNotesComposition, MedComNotesObservation } from './profiles.js';

export default packageContents(pkg, [MedComNotesBundle, MedComNotesComposition, MedComNotesObservation]);
