import type { FastifyRequest } from 'fastify';
import type { Language } from '../../../shared/error-codes.js';

export type { Language };

function languageOfTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0];
  if (primary === 'en') return 'en';
  // `in` is the withdrawn ISO 639 code for Indonesian that old Android and Java versions still send.
  if (primary === 'id' || primary === 'in') return 'id';
  return undefined;
}

function qualityOf(params: string[]): number {
  for (const p of params) {
    const [key, raw = ''] = p.split('=').map((x) => x.trim());
    if (key.toLowerCase() !== 'q') continue;
    const q = raw === '' ? Number.NaN : Number(raw);
    return Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0;
  }
  return 1;
}

/**
 * Reads `Accept-Language` (RFC 9110: language tags, each with an optional q-value): English when the request
 * rates English above Indonesian (on a tie, the one listed first); Indonesian when the header is absent, names
 * neither, or refuses English with `q=0`.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'id';
  const rated: Partial<Record<Language, { q: number; at: number }>> = {};
  value.split(',').forEach((part, at) => {
    const [tag, ...params] = part.split(';');
    const lang = languageOfTag(tag);
    if (!lang) return;
    const q = qualityOf(params);
    const seen = rated[lang];
    if (!seen || q > seen.q) rated[lang] = { q, at: seen?.at ?? at };
  });
  const en = rated.en;
  const id = rated.id;
  if (!en || en.q === 0) return 'id';
  if (!id) return 'en';
  return en.q > id.q || (en.q === id.q && en.at < id.at) ? 'en' : 'id';
}

/** The language to answer this request in. */
export function languageOf(request: FastifyRequest): Language {
  return preferredLanguage(request.headers['accept-language']);
}
