import type { Widen } from '../../app/i18n/types.js';

/** The members screens' texts, Bahasa Indonesia first; wired into the app resources as `members.*`. */
export const membersId = {
  title: 'Beranda anggota',
};

export const membersEn: Widen<typeof membersId> = {
  title: 'Member home',
};
