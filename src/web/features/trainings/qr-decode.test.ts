import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeFrame, type Frame } from './qr-decode.js';
import { codeFromScan, isRepeatScan } from './scan-codes.js';

/** A QR code drawn the way a camera frame arrives: RGBA pixels, `scale` pixels a module, a quiet zone around. */
function frameOf(text: string, scale = 4, quiet = 4): Frame {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((row + quiet) * scale + y) * side + (col + quiet) * scale + x) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }
  return { data, width: side, height: side };
}

describe('decodeFrame', () => {
  it('reads a member card code from a frame', () => {
    const code = 'M.6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f.AbCdEfGhIjKlMnOpQrStUv';
    expect(decodeFrame(frameOf(code))).toBe(code);
  });

  it('reads the session link a member scans', () => {
    const url = 'https://sentra.example.id/me/check-in?code=S.abc.2026-08-17.sig';
    expect(decodeFrame(frameOf(url, 3))).toBe(url);
  });

  it('answers null for a frame without a code', () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(decodeFrame(blank)).toBeNull();
    expect(decodeFrame({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeNull();
  });
});

describe('codeFromScan', () => {
  it('takes the code out of a session link and keeps a bare code', () => {
    expect(codeFromScan('http://127.0.0.1:3000/me/check-in?code=S.a.b.c')).toBe('S.a.b.c');
    expect(codeFromScan('  M.person.sig \n')).toBe('M.person.sig');
    expect(codeFromScan('https://example.id/other')).toBe('https://example.id/other');
  });
});

describe('isRepeatScan', () => {
  it('ignores the same code within the pause, not another code or a later scan', () => {
    const last = { code: 'A', at: 1000 };
    expect(isRepeatScan(last, 'A', 2000)).toBe(true);
    expect(isRepeatScan(last, 'B', 2000)).toBe(false);
    expect(isRepeatScan(last, 'A', 6000)).toBe(false);
    expect(isRepeatScan(null, 'A', 2000)).toBe(false);
  });
});
