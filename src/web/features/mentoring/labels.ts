import { useTranslation } from 'react-i18next';
import {
  bookingStatusLabels,
  type SessionMode,
  suggestionReasonLabels,
  topicLabels,
} from '../../../shared/mentoring.js';
import { useLanguage } from '../../app/i18n/index.js';

type Labels = Record<string, { id: string; en: string }>;

/**
 * Names of the shared mentoring vocabulary in the language on screen (src/shared/mentoring.ts holds them for server
 * and web alike); an unknown code shows as it is. Modes use the screens' shorter words (they sit in a segmented
 * control on a 360 px phone).
 */
export function useMentoringLabels() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const from = (labels: Labels) => (code: string) => labels[code]?.[lang] ?? code;
  return {
    mode: (m: string) => t(`mentoring.modes.${m as SessionMode}`, { defaultValue: m }),
    topic: from(topicLabels),
    reason: from(suggestionReasonLabels),
    bookingStatus: from(bookingStatusLabels),
  };
}
