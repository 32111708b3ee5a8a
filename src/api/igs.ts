/** The standards `--ig` names (src/standards/igs.ts); what `medcom-ig standards` lists is src/api/standards.ts. */
export {
  IGS,
  IG_ALIASES,
  STANDARDS,
  describeTarget,
  listStandards,
  parseIg,
  standardVersion,
  standardsList,
  targetLabel,
  type IgAlias,
  type IgTarget,
  type ListedStandard,
  type Standard,
  type StandardAtVersion,
  type StandardVersion,
} from '../standards/igs.js';
