import jsQR from 'jsqr';

/** An RGBA frame as a canvas's getImageData gives it (4 bytes a pixel, rows top to bottom). */
export type Frame = { data: Uint8ClampedArray; width: number; height: number };

/** The text of the QR code in a camera frame, or null when none can be read. */
export function decodeFrame(frame: Frame): string | null {
  if (frame.width === 0 || frame.height === 0) return null;
  // Printed cards are dark on light; "dontInvert" halves the work per frame on slow phones.
  const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
  const text = found?.data.trim();
  return text ? text : null;
}
