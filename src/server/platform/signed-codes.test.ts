import { describe, expect, it } from 'vitest';
import { createCodeSigner } from './signed-codes.js';

describe('signed codes', () => {
  const codes = createCodeSigner('s3cret');

  it('gives back the parts of a code it signed', () => {
    const code = codes.sign('M', ['3f1c0d5e-1111-4222-8333-444455556666']);
    expect(codes.verify('M', code)).toEqual(['3f1c0d5e-1111-4222-8333-444455556666']);
    expect(codes.verify('M', ` ${code}\n`)).toEqual(['3f1c0d5e-1111-4222-8333-444455556666']);
  });

  it('refuses an altered code, another kind, another secret and garbage', () => {
    const code = codes.sign('S', ['abc', '2026-12-02']);
    expect(codes.verify('S', code.replace('2026-12-02', '2026-12-03'))).toBeNull();
    expect(codes.verify('M', code)).toBeNull();
    expect(createCodeSigner('other').verify('S', code)).toBeNull();
    for (const junk of ['', '.', 'S.abc', 'hello world', 'x'.repeat(400)]) expect(codes.verify('S', junk)).toBeNull();
  });

  it('will not sign parts that would make the code ambiguous', () => {
    expect(() => codes.sign('M', ['a.b'])).toThrow();
    expect(() => codes.sign('M', [''])).toThrow();
  });
});
