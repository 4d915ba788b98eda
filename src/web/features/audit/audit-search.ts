export type AuditSearch = {
  entity?: string;
  action?: string;
  actorId?: string;
  operatorId?: string;
  /** `YYYY-MM-DD`, a day in Asia/Jakarta */
  from?: string;
  to?: string;
  page?: number;
};

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function parseAuditSearch(s: Record<string, unknown>): AuditSearch {
  const page = Number(s.page);
  return {
    entity: str(s.entity),
    action: str(s.action),
    actorId: str(s.actorId),
    operatorId: str(s.operatorId),
    from: day(s.from),
    to: day(s.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
