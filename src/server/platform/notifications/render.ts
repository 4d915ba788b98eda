import { AppError } from '../errors.js';
import { type Locale, type TemplateName, templates } from './templates.js';

export type Params = Record<string, string | number>;
export type Rendered = { subject: string; body: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
const MASK = '••••••';

/** The placeholders a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export function interpolate(text: string, params: Params): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new AppError('INTERNAL', {
        id: `Parameter templat tidak diisi: ${name}`,
        en: `Template parameter not given: ${name}`,
      });
    return String(value);
  });
}

/** Subject and plain-text body of a template in one language; every declared parameter must be given. */
export function renderTemplate(name: TemplateName, locale: Locale, params: Params): Rendered {
  const template = templates[name];
  if (!template)
    throw new AppError('INTERNAL', {
      id: `Templat pesan tidak dikenal: ${name}`,
      en: `Unknown message template: ${name}`,
    });
  const missing = template.params.filter((p) => params[p] === undefined || params[p] === '');
  if (missing.length)
    throw new AppError('INTERNAL', {
      id: `Parameter templat ${name} tidak diisi: ${missing.join(', ')}`,
      en: `Parameters of template ${name} not given: ${missing.join(', ')}`,
    });
  const text = template[locale];
  return { subject: interpolate(text.subject, params), body: interpolate(text.body, params) };
}

/** The params with one-time codes and the like replaced by a mask, for everything but the transport. */
export function maskParams(name: string, params: Params): Params {
  const sensitive: readonly string[] =
    (templates as Record<string, { sensitive?: readonly string[] }>)[name]?.sensitive ?? [];
  if (!sensitive.length) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, sensitive.includes(k) ? MASK : v]));
}

/** The rendered message as people may see it in the outbox; undefined when nothing needs masking. */
export function maskedRendering(name: string, locale: Locale, params: Params): Rendered | undefined {
  const masked = maskParams(name, params);
  if (masked === params || !(name in templates)) return undefined;
  return renderTemplate(name as TemplateName, locale, masked);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The HTML part of an email from its text: escaped (params are user data), paragraphs and line breaks kept. */
export function textToHtml(text: string, lang: Locale): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5">\n${paragraphs}\n</body></html>`;
}
