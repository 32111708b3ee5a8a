import { defineCodeSystem, defineValueSet } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

/**
 * The four kinds of consultation a GP journal note is made in (the general-practice agreement's
 * definition of a journal note). Ours, not MedCom's. Where a v3 ActCode encounter class fits, the
 * concept's definition names it: home visit ≈ HH (home health), video and telephone ≈ VR (virtual),
 * physical consultation ≈ AMB (ambulatory). No separate ConceptMap yet.
 */
export const ConsultationTypeCodes = defineCodeSystem(pkg, {
  id: 'gp-consultation-type',
  name: 'GpConsultationType',
  title: 'Consultation type of a GP journal note (medcom-ig local, not MedCom)',
  description: 'The consultation kinds a shared GP journal note can come from. Local to medcom-ig; not part of any MedCom standard.',
  content: 'complete',
  caseSensitive: true,
  concepts: [
    {
      code: 'home-visit',
      display: 'Home visit',
      definition: 'Sygebesøg: the GP visits the patient at home. v3 ActCode: HH (home health).',
    },
    { code: 'video', display: 'Video consultation', definition: 'Videokonsultation. v3 ActCode: VR (virtual).' },
    { code: 'telephone', display: 'Telephone consultation', definition: 'Telefonkonsultation. v3 ActCode: VR (virtual).' },
    { code: 'physical', display: 'Physical consultation', definition: 'Konsultation in the clinic. v3 ActCode: AMB (ambulatory).' },
  ],
});

export const ConsultationTypes = defineValueSet(pkg, {
  id: 'gp-consultation-type',
  name: 'GpConsultationTypes',
  title: 'Consultation types of a shareable GP journal note (medcom-ig local, not MedCom)',
  description: 'All codes of GpConsultationType: the consultations whose notes may be shared.',
  include: [{ system: ConsultationTypeCodes }],
});
