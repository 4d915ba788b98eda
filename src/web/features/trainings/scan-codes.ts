// What to do with the text of a scanned QR, apart from reading it (qr-decode.ts, loaded with the camera).

/**
 * The code a scan carries: the session QR holds a link (`…/me/check-in?code=…`) so that any phone camera opens the
 * page; a member card holds the bare code.
 */
export function codeFromScan(text: string): string {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const code = new URL(trimmed).searchParams.get('code');
      if (code) return code;
    } catch {
      // not a link after all: the text is the code
    }
  }
  return trimmed;
}

/**
 * A code held in front of the camera is read many times a second: the same code counts again only after a pause,
 * so one card is posted once while another card can follow at once.
 */
export function isRepeatScan(
  last: { code: string; at: number } | null,
  code: string,
  now: number,
  pauseMs = 4000,
): boolean {
  return last !== null && last.code === code && now - last.at < pauseMs;
}
