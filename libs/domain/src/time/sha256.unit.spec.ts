import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

// Digests from node:crypto (the domain's specs may not import it): FIPS 180-4 vectors plus a
// 56-byte input (padding spills into a second block) and a multi-block non-ASCII one.
const VECTORS: Array<[string, string]> = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ['x'.repeat(56), '04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e'],
  ['2026年国庆节 调休'.repeat(20), '89ccec0982fd992a0509d3ebcec93cf5b2c3beaba1dd7c56d859f45bd7e22928'],
];

describe('sha256Hex', () => {
  it.each(VECTORS)('hashes %j as node:crypto does', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });
});
