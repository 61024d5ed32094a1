import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * SHA-256 of a UTF-8 string, as lowercase hex, from @noble/hashes (audited, pure JavaScript):
 * the domain also runs inside workflow sandboxes, where node:crypto is not available.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(text));
}
