import { describe, expect, it } from 'vitest';
import { escapeHtml, maskedRendering, placeholdersOf, renderTemplate, textToHtml } from './render.js';
import { locales, templateNames, templates } from './templates.js';

describe('notification templates', () => {
  it.each(templateNames)('%s uses exactly its declared params in every language', (name) => {
    const t = templates[name];
    for (const locale of locales) {
      const used = new Set([...placeholdersOf(t[locale].subject), ...placeholdersOf(t[locale].body)]);
      expect([...used].sort(), `${name}/${locale}`).toEqual([...t.params].sort());
    }
  });

  it('renders the welcome message in Bahasa Indonesia and in English', () => {
    const params = { name: 'Siti Aminah', login: '0812-3456-7890', url: 'https://sentra.example.id' };
    const id = renderTemplate('account.created', 'id', params);
    const en = renderTemplate('account.created', 'en', params);
    expect(id.subject).toBe('Akun Sentra Anda sudah dibuat');
    expect(id.body).toContain('Halo Siti Aminah,');
    expect(id.body).toContain('Masuk di https://sentra.example.id dengan 0812-3456-7890');
    expect(en.subject).toBe('Your Sentra account has been created');
    expect(en.body).toContain('Hello Siti Aminah,');
  });

  it('refuses to render with a missing parameter', () => {
    expect(() => renderTemplate('auth.phone_code', 'id', {})).toThrow(/code/);
  });

  it('escapes params in the HTML part and keeps paragraphs', () => {
    const { body } = renderTemplate('generic.message', 'id', {
      subject: 'Info',
      message: '<script>alert("x")</script>\n\nBaris & dua',
    });
    const html = textToHtml(body, 'id');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html).toContain('<p>Baris &amp; dua</p>');
    expect(html).toContain('<html lang="id">');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('masks one-time codes for people browsing the outbox', () => {
    const masked = maskedRendering('auth.phone_code', 'id', { code: '482913' });
    expect(masked?.body).not.toContain('482913');
    expect(masked?.body).toContain('••••••');
    expect(maskedRendering('generic.message', 'id', { subject: 'a', message: 'b' })).toBeUndefined();
  });
});
