import type { Widen } from '../../app/i18n/types.js';

/** The trainings screens' texts, Bahasa Indonesia first; wired into the app resources as `trainings.*`. */
export const trainingsId = {
  title: 'Pelatihan',
};

export const trainingsEn: Widen<typeof trainingsId> = {
  title: 'Training',
};
