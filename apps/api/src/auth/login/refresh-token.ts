import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token: 256 random bits, opaque to the client (base64url). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a refresh token (SHA-256, hex): enough to find it, useless to present. */
export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
