export type UsersSearch = { q?: string; operatorId?: string; role?: string; page?: number };

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function parseUsersSearch(s: Record<string, unknown>): UsersSearch {
  const page = Number(s.page);
  return {
    q: str(s.q),
    operatorId: str(s.operatorId),
    role: str(s.role),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
