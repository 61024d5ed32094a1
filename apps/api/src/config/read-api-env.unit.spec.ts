import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import { resolveApiConfig } from './api-config';
import { pinoLevelOf } from './log-level';
import { readApiEnv } from './read-api-env';

describe('readApiEnv', () => {
  it('names every missing variable at once', () => {
    expect(() => readApiEnv({})).toThrow('missing environment variables DATABASE_URL, TEMPORAL_ADDRESS, DUBAN_AUTH_SECRET');
    expect(() => readApiEnv({ DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233' })).toThrow(
      'missing environment variable DUBAN_AUTH_SECRET',
    );
  });

  it('defaults TEMPORAL_NAMESPACE to default and PORT to 3000, and refuses a bad PORT', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv(env)).toEqual({
      port: 3000,
      logLevels: ['fatal', 'error', 'warn', 'log'],
      config: { databaseUrl: 'postgres://x', temporal: { address: 'localhost:7233', namespace: 'default' }, authSecret: 's' },
    });
    expect(readApiEnv({ ...env, PORT: '8080', TEMPORAL_NAMESPACE: 'duban' })).toMatchObject({
      port: 8080,
      config: { temporal: { namespace: 'duban' } },
    });
    expect(() => readApiEnv({ ...env, PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  it('reads DUBAN_TASK_QUEUE, the queue the workers poll, and resolves the default duban without it', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv({ ...env, DUBAN_TASK_QUEUE: ' duban-b ' }).config.taskQueue).toBe('duban-b');
    expect(readApiEnv({ ...env, DUBAN_TASK_QUEUE: '' }).config).not.toHaveProperty('taskQueue');
    expect(resolveApiConfig(readApiEnv(env).config).taskQueue).toBe('duban');
    expect(() => resolveApiConfig({ ...readApiEnv(env).config, taskQueue: ' ' })).toThrow('taskQueue must not be blank');
  });

  it('reads DUBAN_REGISTRATION_TIMEOUT_MS when set, refusing anything but a positive integer and naming the variable', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv({ ...env, DUBAN_REGISTRATION_TIMEOUT_MS: ' 5000 ' }).config.registrationTimeoutMs).toBe(5000);
    expect(readApiEnv({ ...env, DUBAN_REGISTRATION_TIMEOUT_MS: '' }).config).not.toHaveProperty('registrationTimeoutMs');
    for (const bad of ['0', '-5', '1.5', '20s', '1e4', '99999999999']) {
      expect(() => readApiEnv({ ...env, DUBAN_REGISTRATION_TIMEOUT_MS: bad })).toThrow(
        `DUBAN_REGISTRATION_TIMEOUT_MS must be a positive integer number of milliseconds (1–2147483647), got ${JSON.stringify(bad)}`,
      );
    }
    expect(() => readApiEnv({ DUBAN_REGISTRATION_TIMEOUT_MS: 'x' })).toThrow(
      /^missing environment variables .*; DUBAN_REGISTRATION_TIMEOUT_MS must be/,
    );
  });

  it('listens on every interface unless HOST names one', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv(env)).not.toHaveProperty('host');
    expect(readApiEnv({ ...env, HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
  });

  it('shows Nest lines at DUBAN_LOG_LEVEL and above (default info), refusing an unknown level', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv({ ...env, DUBAN_LOG_LEVEL: 'warn' }).logLevels).toEqual(['fatal', 'error', 'warn']);
    expect(readApiEnv({ ...env, DUBAN_LOG_LEVEL: 'error' }).logLevels).toEqual(['fatal', 'error']);
    expect(readApiEnv({ ...env, DUBAN_LOG_LEVEL: 'DEBUG' }).logLevels).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
    expect(() => readApiEnv({ ...env, DUBAN_LOG_LEVEL: 'chatty' })).toThrow('DUBAN_LOG_LEVEL must be one of error, warn, info, debug, got "chatty"');
  });

  it("reads DUBAN_RATE_LIMIT and DUBAN_RATE_LIMIT_WINDOW_MS (either alone keeps the other's default), 0 turning limiting off", () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv(env).config).not.toHaveProperty('rateLimit');
    expect(readApiEnv({ ...env, DUBAN_RATE_LIMIT: '120' }).config.rateLimit).toEqual({ limit: 120, windowMs: 60_000 });
    expect(readApiEnv({ ...env, DUBAN_RATE_LIMIT_WINDOW_MS: '1000' }).config.rateLimit).toEqual({ limit: 6_000, windowMs: 1_000 });
    expect(readApiEnv({ ...env, DUBAN_RATE_LIMIT: '0' }).config.rateLimit).toEqual({ limit: 0, windowMs: 60_000 });
    expect(() => readApiEnv({ ...env, DUBAN_RATE_LIMIT: 'lots' })).toThrow('DUBAN_RATE_LIMIT must be a whole number ≥ 0 (e.g. 6000), got "lots"');
    expect(() => readApiEnv({ ...env, DUBAN_RATE_LIMIT_WINDOW_MS: '0' })).toThrow(
      'DUBAN_RATE_LIMIT_WINDOW_MS must be a whole number ≥ 1 (e.g. 60000), got "0"',
    );
  });

  it('reads the login settings: token lifetimes, the login throttle and the first office account (all three of its variables or none)', () => {
    const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
    expect(readApiEnv({ ...env, DUBAN_ACCESS_TOKEN_SECONDS: '600', DUBAN_LOGIN_RATE_LIMIT: '5' }).config.auth).toEqual({
      session: { accessTokenSeconds: 600 },
      loginRateLimit: { limit: 5, windowMs: 60_000 },
    });
    const bootstrap = {
      DUBAN_BOOTSTRAP_OFFICE_LOGIN: 'admin',
      DUBAN_BOOTSTRAP_OFFICE_PASSWORD: ' first office passphrase',
      DUBAN_BOOTSTRAP_OFFICE_REGION: '330106',
    };
    expect(readApiEnv({ ...env, ...bootstrap }).config.auth?.bootstrapOffice).toEqual({
      loginName: 'admin',
      password: ' first office passphrase',
      regionId: '330106',
      displayName: '安委办管理员',
    });
    expect(() => readApiEnv({ ...env, DUBAN_BOOTSTRAP_OFFICE_LOGIN: 'admin' })).toThrow(
      /go together: missing DUBAN_BOOTSTRAP_OFFICE_PASSWORD, DUBAN_BOOTSTRAP_OFFICE_REGION/,
    );
    expect(() => readApiEnv({ ...env, DUBAN_ACCESS_TOKEN_SECONDS: '15m' })).toThrow(/DUBAN_ACCESS_TOKEN_SECONDS must be a whole number/);
    expect(() => resolveApiConfig({ ...readApiEnv({ ...env, ...bootstrap, DUBAN_BOOTSTRAP_OFFICE_PASSWORD: 'short' }).config })).toThrow(
      /auth.bootstrapOffice.password must be at least 12 characters/,
    );
  });

  it('maps the Nest levels shown to the pino level of the JSON lines', () => {
    expect(pinoLevelOf(readApiEnv({ DATABASE_URL: 'x', TEMPORAL_ADDRESS: 'y', DUBAN_AUTH_SECRET: 's' }).logLevels)).toBe('info');
    expect(pinoLevelOf(['fatal', 'error', 'warn'])).toBe('warn');
    expect(pinoLevelOf(['fatal', 'error'])).toBe('error');
    expect(pinoLevelOf(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])).toBe('trace');
    expect(pinoLevelOf(false)).toBe('silent');
  });
});

describe('resolveApiConfig', () => {
  const base = { databaseUrl: 'postgres://x', temporal: { address: 'a:1', namespace: 'default' }, authSecret: 's' };

  it('defaults the policies to the standard one and the clock to the wall clock', () => {
    const resolved = resolveApiConfig(base);
    expect(resolved.auth).toMatchObject({ session: { accessTokenSeconds: 900 }, passwordHashing: { memoryCost: 19_456, timeCost: 2 } });
    expect(resolved.hazardPolicies).toEqual([STANDARD_HAZARD_POLICY]);
    expect(Math.abs(resolved.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(resolved.registrationTimeoutMs).toBe(20_000);
    expect(resolved.rateLimit).toEqual({ limit: 6_000, windowMs: 60_000 });
    expect(resolveApiConfig({ ...base, registrationTimeoutMs: 250 }).registrationTimeoutMs).toBe(250);
  });

  it('refuses an unusable configuration, naming what is wrong', () => {
    expect(() => resolveApiConfig({ ...base, authSecret: '', hazardPolicies: [] })).toThrow(
      'invalid API configuration: authSecret is required; hazardPolicies must name at least one policy',
    );
    expect(() => resolveApiConfig({ ...base, hazardPolicies: [STANDARD_HAZARD_POLICY, STANDARD_HAZARD_POLICY] })).toThrow(/standard-2026 twice/);
    expect(() => resolveApiConfig({ ...base, auth: { session: { accessTokenSeconds: 0 } } })).toThrow(
      'invalid API configuration: auth.session.accessTokenSeconds must be a positive whole number of seconds, got 0',
    );
    expect(() => resolveApiConfig({ ...base, registrationTimeoutMs: 0 })).toThrow(
      /registrationTimeoutMs must be a positive integer number of milliseconds/,
    );
    expect(() => resolveApiConfig({ ...base, rateLimit: { limit: -1, windowMs: 0 } })).toThrow(
      'invalid API configuration: rateLimit.limit must be a whole number ≥ 0 (0: no limit), got -1; rateLimit.windowMs must be a positive whole number of milliseconds, got 0',
    );
  });
});

describe('the audit bundles’ signing key (DUBAN_AUDIT_SIGNING_KEY_FILE)', () => {
  const env = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233', DUBAN_AUTH_SECRET: 's' };
  const pem = (type: 'ed25519' | 'x25519') =>
    generateKeyPairSync(type as 'ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();

  it('reads the office’s Ed25519 key from the file named; an unreadable file or another kind of key stops the start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duban-signing-key-'));
    try {
      const file = path.join(dir, 'office.key');
      writeFileSync(file, pem('ed25519'));
      const config = readApiEnv({ ...env, DUBAN_AUDIT_SIGNING_KEY_FILE: file }).config;
      expect(resolveApiConfig(config).auditSigningKeyPem).toContain('BEGIN PRIVATE KEY');
      expect(resolveApiConfig(readApiEnv(env).config).auditSigningKeyPem).toBeUndefined();
      expect(() => readApiEnv({ ...env, DUBAN_AUDIT_SIGNING_KEY_FILE: path.join(dir, 'none.key') })).toThrow(
        /DUBAN_AUDIT_SIGNING_KEY_FILE ".*none\.key" cannot be read/,
      );
      expect(() => resolveApiConfig({ ...config, auditSigningKeyPem: pem('x25519') })).toThrow(
        'invalid API configuration: auditSigningKeyPem must be an Ed25519 key, got x25519',
      );
      expect(() => resolveApiConfig({ ...config, auditSigningKeyPem: 'not a key' })).toThrow(/auditSigningKeyPem is not a private key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
