import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The token-signing secret: DUBAN_AUTH_SECRET when set (production), otherwise one generated
 * for this data directory and kept there, so tokens issued locally survive a restart.
 */
export function loadOrCreateAuthSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DUBAN_AUTH_SECRET) return env.DUBAN_AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
