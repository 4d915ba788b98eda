import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './language.js';

describe('preferredLanguage (Accept-Language)', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['en;q=0.9,id;q=0.8', 'en'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['fr-FR, fr;q=0.9, en;q=0.5', 'en'],
    ['id;q=0.5, en;q=0.6', 'en'],
    ['en, id', 'en'],
  ])('%s → English', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['id', 'id'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['in', 'id'],
    ['id, en', 'id'],
    ['en;q=0.8, id;q=0.9', 'id'],
    ['en;q=0', 'id'],
    ['en;q=0, fr', 'id'],
    ['fr, de;q=0.5', 'id'],
    ['*', 'id'],
    ['english', 'id'],
    ['en;q=abc', 'id'],
    [' ; , ;q=1', 'id'],
  ])('%s → Indonesian', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it('reads a header sent more than once', () => {
    expect(preferredLanguage(['id;q=0.1', 'en'])).toBe('en');
  });
});
