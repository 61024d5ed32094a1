import { describe, expect, it } from 'vitest';
import { describeTemporalTls, temporalTlsFromEnv } from './temporal-tls-env';

// Files by path: what a deployment mounts. A missing path throws as readFileSync does.
const files: Record<string, string> = { '/tls/ca.pem': 'CA', '/tls/client.pem': 'CRT', '/tls/client.key': 'KEY' };
const readFile = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return Buffer.from(files[path]!);
};
const tls = (env: NodeJS.ProcessEnv) => temporalTlsFromEnv(env, readFile);
const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString() : undefined);

describe('temporalTlsFromEnv', () => {
  it('is plaintext when nothing is set, or TEMPORAL_TLS=false alone', () => {
    expect(tls({})).toBeUndefined();
    expect(tls({ TEMPORAL_TLS: 'false' })).toBeUndefined();
    expect(tls({ TEMPORAL_TLS: ' ' })).toBeUndefined();
  });

  it('TEMPORAL_TLS=true alone: TLS verified against the system roots (an empty config)', () => {
    expect(tls({ TEMPORAL_TLS: 'true' })).toEqual({});
    expect(tls({ TEMPORAL_TLS: 'TRUE' })).toEqual({});
    expect(describeTemporalTls(tls({ TEMPORAL_TLS: '1' }))).toBe('TLS, system CAs');
  });

  it('reads mTLS: client certificate and key, the server CA and the server name', () => {
    const config = tls({
      TEMPORAL_TLS_CLIENT_CERT_PATH: '/tls/client.pem',
      TEMPORAL_TLS_CLIENT_KEY_PATH: '/tls/client.key',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/tls/ca.pem',
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(config?.serverNameOverride).toBe('temporal.internal');
    expect(text(config?.serverRootCACertificate)).toBe('CA');
    expect(text(config?.clientCertPair?.crt)).toBe('CRT');
    expect(text(config?.clientCertPair?.key)).toBe('KEY');
    expect(describeTemporalTls(config)).toBe('mTLS, server CA from file, server name temporal.internal');
  });

  it('any certificate or name setting implies TLS', () => {
    expect(text(tls({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/tls/ca.pem' })?.serverRootCACertificate)).toBe('CA');
    expect(tls({ TEMPORAL_TLS_SERVER_NAME: 'x.example' })).toEqual({ serverNameOverride: 'x.example' });
  });

  it('fails naming the variable: half a client pair, an unreadable file, a contradiction, a bad flag', () => {
    expect(() => tls({ TEMPORAL_TLS_CLIENT_CERT_PATH: '/tls/client.pem' })).toThrow(
      'mTLS needs both TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH; only TEMPORAL_TLS_CLIENT_CERT_PATH is set',
    );
    expect(() => tls({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/tls/missing.pem' })).toThrow(
      /^TEMPORAL_TLS_SERVER_CA_CERT_PATH=\/tls\/missing.pem cannot be read: ENOENT/,
    );
    expect(() => tls({ TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'x' })).toThrow(
      'TEMPORAL_TLS=false contradicts the TLS settings also given (TEMPORAL_TLS_SERVER_NAME)',
    );
    expect(() => tls({ TEMPORAL_TLS: 'maybe' })).toThrow('TEMPORAL_TLS must be true or false, got "maybe"');
  });
});
