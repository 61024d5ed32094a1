import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Actor } from '@duban/domain';
import { DUBAN_TASK_QUEUE } from '@duban/workflows';
import { createApiApp, type ApiConfig } from '../../apps/api/src/api-app';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { connectDevServer, type DevServerHarness } from './dev-server';

export interface ApiHarness {
  dev: DevServerHarness;
  /** Where the API listens, `http://127.0.0.1:<port>`: for calls `call` cannot make (other headers, raw sockets). */
  baseUrl: string;
  /** One HTTP call as `actor` (no token when undefined); the JSON body parsed. */
  call(actor: Actor | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The whole product on the real parts the global setup started: a worker on Duban's task queue
 * and the HTTP API listening on a free port, called with real signed tokens.
 */
export async function startApiHarness(secret: string, config: Partial<ApiConfig> = {}): Promise<ApiHarness> {
  const dev = await connectDevServer();
  const worker: Worker = await dev.newWorker(DUBAN_TASK_QUEUE);
  const workerRun = worker.run();
  let app: INestApplication | undefined;
  try {
    app = await createApiApp(
      {
        databaseUrl: inject('databaseUrl'),
        temporal: { address: inject('temporalAddress'), namespace: inject('temporalNamespace') },
        authSecret: secret,
        ...config,
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    worker.shutdown();
    await workerRun;
    await dev.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    dev,
    baseUrl,
    async call(actor, method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(actor ? { authorization: `Bearer ${signAccessToken(actor, secret)}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await app?.close();
      worker.shutdown();
      await workerRun;
      await dev.close();
    },
  };
}
