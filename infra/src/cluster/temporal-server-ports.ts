import { readFileSync, writeFileSync } from 'node:fs';
import { assertPortFree } from '../ports';
import { SERVER_PORT_NAMES, type TemporalServerPorts } from './temporal-server-config';

/**
 * The server's ports: the frontend where the caller says (clients need to know it), the eight
 * internal ones (history, matching, worker, membership, HTTP) free ones — the same as last time
 * when they still are (recorded in `portsFile`), so a restart rejoins its own membership entries.
 * All below 32768: the membership ports are stored in a SMALLINT column (cluster_membership.rpc_port),
 * and the OS hands out free ports from 32768 up, which the server then fails to record.
 */
export async function chooseServerPorts(frontend: number, portsFile: string): Promise<TemporalServerPorts> {
  const previous = readPrevious(portsFile);
  const taken = new Set<number>([frontend]);
  const ports: Partial<TemporalServerPorts> = { frontend };
  for (const name of SERVER_PORT_NAMES) {
    if (name === 'frontend') continue;
    let port = previous[name];
    if (port === undefined || port > MAX_PORT || taken.has(port) || !(await isFree(port))) port = await freePortBelowSmallintMax(taken);
    taken.add(port);
    ports[name] = port;
  }
  writeFileSync(portsFile, `${JSON.stringify(ports, null, 2)}\n`);
  return ports as TemporalServerPorts;
}

const MIN_PORT = 20_000;
const MAX_PORT = 32_767;

async function freePortBelowSmallintMax(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = MIN_PORT + Math.floor(Math.random() * (MAX_PORT - MIN_PORT + 1));
    if (!taken.has(port) && (await isFree(port))) return port;
  }
  throw new Error(`No free port between ${MIN_PORT} and ${MAX_PORT} for the Temporal server's internal services`);
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
