import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';

/**
 * The TLS variables, named as Temporal's own CLI and SDK environment configuration names them,
 * so one set of variables serves `temporal` and Duban alike.
 */
export const TEMPORAL_TLS_VARIABLES = {
  enabled: 'TEMPORAL_TLS',
  clientCert: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  clientKey: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  serverCa: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
  serverName: 'TEMPORAL_TLS_SERVER_NAME',
} as const;

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/**
 * How the API's client and the worker's connection reach Temporal, read from the environment
 * into the SDK's TLS option (the same for `Connection.connect` and `NativeConnection.connect`):
 * - nothing set: plaintext (undefined), what a local dev server speaks;
 * - TEMPORAL_TLS=true alone: TLS, the server verified against the system's roots;
 * - TEMPORAL_TLS_SERVER_CA_CERT_PATH: the server verified against this CA (PEM) instead;
 * - TEMPORAL_TLS_CLIENT_CERT_PATH + TEMPORAL_TLS_CLIENT_KEY_PATH (both or neither): mTLS;
 * - TEMPORAL_TLS_SERVER_NAME: the name checked in the server's certificate (SNI), when the
 *   address is not that name (a load balancer, an IP).
 * Any certificate or name variable implies TLS; TEMPORAL_TLS=false with one of them is a
 * contradiction and fails. Files are read here, once, so a wrong path fails at start-up with
 * the variable named.
 */
export function temporalTlsFromEnv(env: NodeJS.ProcessEnv = process.env, readFile: (path: string) => Buffer = readFileSync): TLSConfig | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const v = TEMPORAL_TLS_VARIABLES;
  const enabledText = value(v.enabled)?.toLowerCase();
  if (enabledText !== undefined && !TRUE.includes(enabledText) && !FALSE.includes(enabledText))
    throw new Error(`${v.enabled} must be true or false, got ${JSON.stringify(env[v.enabled])}`);
  const [cert, key, ca, serverName] = [value(v.clientCert), value(v.clientKey), value(v.serverCa), value(v.serverName)];
  const detailed = [cert, key, ca, serverName].some((x) => x !== undefined);
  if (enabledText !== undefined && FALSE.includes(enabledText)) {
    if (detailed)
      throw new Error(
        `${v.enabled}=${env[v.enabled]} contradicts the TLS settings also given (${Object.values(v)
          .filter((name) => name !== v.enabled && value(name))
          .join(', ')}): unset them or ${v.enabled}`,
      );
    return undefined;
  }
  if (enabledText === undefined && !detailed) return undefined;
  if ((cert === undefined) !== (key === undefined))
    throw new Error(`mTLS needs both ${v.clientCert} and ${v.clientKey}; only ${cert ? v.clientCert : v.clientKey} is set`);
  const read = (name: string, path: string): Buffer => {
    try {
      return readFile(path);
    } catch (error) {
      throw new Error(`${name}=${path} cannot be read: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    ...(serverName ? { serverNameOverride: serverName } : {}),
    ...(ca ? { serverRootCACertificate: read(v.serverCa, ca) } : {}),
    ...(cert && key ? { clientCertPair: { crt: read(v.clientCert, cert), key: read(v.clientKey, key) } } : {}),
  };
}

/** One line for logs: how this process connects (never the key material). */
export function describeTemporalTls(tls: TLSConfig | undefined): string {
  if (!tls) return 'plaintext';
  const parts = [tls.clientCertPair ? 'mTLS' : 'TLS'];
  parts.push(tls.serverRootCACertificate ? 'server CA from file' : 'system CAs');
  if (tls.serverNameOverride) parts.push(`server name ${tls.serverNameOverride}`);
  return parts.join(', ');
}
