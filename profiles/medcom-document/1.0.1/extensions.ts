import { defineExtension } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

const TYPE_SLICING = { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } as const;

/** The extension specs are exported so Document 2.0.2 can restate them under its own version. */
export const homeCommunityIdSpec = {
  id: 'medcom-document-homecommunityid-extension',
  name: 'MedComDocumentHomeCommunityID',
  title: 'MedCom Document HomeCommunityID',
  description: 'Extension containing information about operational and in production home communities (XCA) in Danish Document Sharing',
  context: ['Element'],
  short: 'MedCom Document HomeCommunityID',
  definition: 'Extension containing information about operational and in production home communities (XCA) in Danish Document Sharing',
  elements: {
    'value[x]': { card: '1..', slicing: TYPE_SLICING },
    valueCoding: {
      card: '1..1',
      ms: true,
      only: ['Coding'],
      elements: { system: { card: '1..', ms: true }, code: { card: '1..', ms: true } },
    },
  },
} as const;

export const MedComDocumentHomeCommunityID = defineExtension(pkg, homeCommunityIdSpec);

export const versionIdSpec = {
  id: 'medcom-document-version-id-extension',
  name: 'MedComDocumentVersionID',
  title: 'MedCom XDS Version ID extension',
  description:
    'Extension containing information about the version of the DocumentReference for a specific standard. The version is included in the R5 version of the resource.',
  context: ['Element'],
  short: 'MedCom XDS Version ID extension',
  definition:
    'Extension containing information about the version of the DocumentReference for a specific standard. The version is included in the R5 version of the resource.',
  elements: {
    'value[x]': { card: '1..', slicing: TYPE_SLICING },
    valueString: { card: '1..1', ms: true, only: ['string'] },
  },
} as const;

export const MedComDocumentVersionID = defineExtension(pkg, versionIdSpec);
