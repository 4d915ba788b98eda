import type { Urgency } from './mentoring-types.js';
import { urgencies } from './urgency-badge.js';

/** The caseload page as a URL: tab, filters, page and the month of the statistics, so a link reproduces the view. */
export type CaseloadPageSearch = {
  tab?: 'month';
  mentorUserId?: string;
  districtCode?: string;
  urgency?: Urgency;
  page?: number;
  month?: string;
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function parseCaseloadSearch(s: Record<string, unknown>): CaseloadPageSearch {
  const page = typeof s.page === 'number' ? s.page : Number(s.page);
  const district = str(s.districtCode);
  const month = str(s.month);
  return {
    tab: s.tab === 'month' ? 'month' : undefined,
    mentorUserId: str(s.mentorUserId),
    districtCode: district && /^\d{2}\.\d{2}\.\d{2}$/.test(district) ? district : undefined,
    urgency: urgencies.find((u) => u === s.urgency),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
  };
}
