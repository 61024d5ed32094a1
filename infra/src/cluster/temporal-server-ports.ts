import { readFileSync, writeFileSync } from 'node:fs';
import { assertPortFree, findFreePort } from '../ports';
import { SERVER_PORT_NAMES, type TemporalServerPorts } from './temporal-server-config';

/**
 * The server's ports: the frontend where the caller says (clients need to know it), the eight
 * internal ones (history, matching, worker, membership, HTTP) free ones — the same as last time
 * when they still are (recorded in `portsFile`), so a restart rejoins its own membership entries.
 */
export async function chooseServerPorts(frontend: number, portsFile: string): Promise<TemporalServerPorts> {
  const previous = readPrevious(portsFile);
  const taken = new Set<number>([frontend]);
  const ports: Partial<TemporalServerPorts> = { frontend };
  for (const name of SERVER_PORT_NAMES) {
    if (name === 'frontend') continue;
    let port = previous[name];
    if (port === undefined || taken.has(port) || !(await isFree(port))) {
      do port = await findFreePort();
      while (taken.has(port));
    }
    taken.add(port);
    ports[name] = port;
  }
  writeFileSync(portsFile, `${JSON.stringify(ports, null, 2)}\n`);
  return ports as TemporalServerPorts;
}

async function isFree(port: number): Promise<boolean> {
  return assertPortFree(port, 'Temporal').then(
    () => true,
    () => false,
  );
}

function readPrevious(file: string): Partial<TemporalServerPorts> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).filter(([, value]) => Number.isInteger(value) && (value as number) > 0 && (value as number) < 65536),
    ) as Partial<TemporalServerPorts>;
  } catch {
    return {};
  }
}
