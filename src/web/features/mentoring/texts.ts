import type { Widen } from '../../app/i18n/types.js';

/** The mentoring screens' texts, Bahasa Indonesia first; wired into the app resources as `mentoring.*`. */
export const mentoringId = {
  title: 'Pendampingan',
};

export const mentoringEn: Widen<typeof mentoringId> = {
  title: 'Mentoring',
};
