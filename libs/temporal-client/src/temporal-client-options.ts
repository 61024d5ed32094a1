import type { ConnectionOptions } from '@temporalio/client';

export interface TemporalClientOptions {
  /** Temporal frontend, host:port (e.g. `127.0.0.1:7233`). */
  address: string;
  namespace: string;
  /** TLS, API key, metadata and the like; `address` above wins. Without `tls` here, TLS comes from TEMPORAL_TLS_* (temporalTlsFromEnv). */
  connection?: Omit<ConnectionOptions, 'address'>;
}
