import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short signed codes for QR images: `<kind>.<part>.<part>….<signature>`. A member's card carries one (kind `M`,
 * the person id), a training day's screen another (kind `S`, the session id and date). The signature is an HMAC of
 * the rest with the installation secret, so a code cannot be made up or altered, and no table is needed to check it.
 */
export type CodeSigner = {
  sign(kind: string, parts: string[]): string;
  /** The parts of a valid code of this kind, or null for anything else (wrong kind, altered, garbage). */
  verify(kind: string, code: string): string[] | null;
};

export function createCodeSigner(secret: string): CodeSigner {
  const mac = (body: string) =>
    createHmac('sha256', `sentra-codes:${secret}`).update(body).digest('base64url').slice(0, 22);
  return {
    sign(kind, parts) {
      if ([kind, ...parts].some((p) => p.includes('.') || p.length === 0))
        throw new Error('code parts must be non-empty and free of dots');
      const body = [kind, ...parts].join('.');
      return `${body}.${mac(body)}`;
    },
    verify(kind, code) {
      const text = code.trim();
      const cut = text.lastIndexOf('.');
      if (cut <= 0 || text.length > 300) return null;
      const body = text.slice(0, cut);
      const given = Buffer.from(text.slice(cut + 1));
      const expected = Buffer.from(mac(body));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const [k, ...parts] = body.split('.');
      return k === kind ? parts : null;
    },
  };
}
