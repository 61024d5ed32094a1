import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER, type Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';

/** An action the API acknowledged (2xx): what the suite then looks for, exactly once, in the workflow and its ledger. */
export interface Acknowledged {
  fault: string;
  hazardId: string;
  /** A string unique to this action, carried in its text: how its event is recognised. */
  token: string;
  what: 'report' | 'plan' | 'progress';
  /** When the first attempt was sent, and when the 2xx came. */
  sentAt: number;
  at: number;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The suite's API clients, as a careful client is written: every write under an Idempotency-Key,
 * repeated with the SAME key on a connection error, a 5xx or a 429 (after the Retry-After it was
 * told, at most 5 s) until `giveUpAfterMs`. Tallies every status it met.
 */
export class FaultClients {
  readonly acknowledged: Acknowledged[] = [];
  readonly statuses = new Map<string, number>();
  retries = 0;
  gaveUp = 0;
  refused: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly giveUpAfterMs = 240_000,
  ) {}

  private count(what: string): void {
    this.statuses.set(what, (this.statuses.get(what) ?? 0) + 1);
  }

  /** One attempt: the answer, or undefined when the connection failed or timed out. */
  async once(actor: Actor, method: string, path: string, body?: unknown, key?: string): Promise<Answer | undefined> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${signAccessToken(actor, this.secret)}`,
          ...(key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(45_000),
      });
      const text = await response.text();
      this.count(`${method === 'GET' ? 'read' : 'write'} ${response.status}`);
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    } catch {
      this.count(`${method === 'GET' ? 'read' : 'write'} connection error`);
      return undefined;
    }
  }

  /** A write, retried with its key until acknowledged (the answer) or refused (4xx: the answer) or given up (undefined). */
  async write(actor: Actor, path: string, body: unknown): Promise<Answer | undefined> {
    const key = randomUUID();
    const until = Date.now() + this.giveUpAfterMs;
    for (;;) {
      const answer = await this.once(actor, 'POST', path, body, key);
      if (answer && answer.status < 500 && answer.status !== 429) {
        if (answer.status >= 400) this.refused.push(`${path} ${answer.status} ${answer.body?.code}`);
        return answer;
      }
      if (Date.now() > until) {
        this.gaveUp++;
        return undefined;
      }
      this.retries++;
      const retryAfter = Number(answer?.headers.get('retry-after'));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : 500);
    }
  }

  acknowledge(fault: string, hazardId: string, token: string, what: Acknowledged['what'], sentAt: number): void {
    this.acknowledged.push({ fault, hazardId, token, what, sentAt, at: Date.now() });
  }
}

/** Runs `tasks` with at most `concurrency` at a time. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}
