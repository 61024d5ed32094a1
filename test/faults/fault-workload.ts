import { randomUUID } from 'node:crypto';
import type { Actor } from '@duban/domain';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector } from '../support/hazard-fixtures';
import type { FaultClients } from './fault-clients';

/** One unit of the campaign's roster and the hazard it rectifies. */
export interface FaultUnit {
  actor: Actor;
  hazardId?: string;
  planned?: boolean;
  progressCount: number;
}

export const faultUnits = (count: number): FaultUnit[] =>
  Array.from({ length: count }, (_, i) => {
    const unitId = `fu-${String(i).padStart(4, '0')}`;
    return { actor: { id: `${unitId}-officer`, name: `安全员${i}`, role: 'unit', unitId }, progressCount: 0 };
  });

const token = (fault: string) => `[${fault}:${randomUUID()}]`;

/**
 * The unit's next action through the API: its hazard reported (by an inspector), then its
 * rectification plan (整改方案), then progress reports (整改进展). Each carries a token in its
 * text; an acknowledged one is noted under `fault` (true). `marker` goes into a progress text.
 */
export async function nextAction(clients: FaultClients, fault: string, unit: FaultUnit, marker = ''): Promise<boolean> {
  const t = token(fault);
  const sentAt = Date.now();
  if (!unit.hazardId) {
    const report = hazardReport(Date.now(), { unitId: unit.actor.unitId!, title: `脚手架连墙件缺失 ${t}` });
    const answer = await clients.write(inspector, '/hazards', report);
    if (!answer || answer.status >= 300) return false;
    unit.hazardId = answer.body.hazardId as string;
    clients.acknowledge(fault, unit.hazardId, t, 'report', sentAt);
    // 202: accepted, durable in Temporal, not in the ledger yet; actions on it wait until it is (as the API's docs ask).
    if (answer.status === 202) await untilRegistered(clients, unit.hazardId);
    return true;
  }
  if (!unit.planned) {
    const plan = { ...fiveInPlacePlan(Date.now() + 20 * DAY_MS), measures: `补设连墙件，设置防护栏杆 ${t}` };
    const answer = await clients.write(unit.actor, `/hazards/${unit.hazardId}/plan`, plan);
    if (answer && answer.status < 300) {
      unit.planned = true;
      clients.acknowledge(fault, unit.hazardId, t, 'plan', sentAt);
      return true;
    }
    return false;
  }
  unit.progressCount++;
  const text = `第${unit.progressCount}次整改进展 ${t}${marker}`;
  const answer = await clients.write(unit.actor, `/hazards/${unit.hazardId}/progress`, {
    text,
    percentComplete: Math.min(90, unit.progressCount * 10),
  });
  if (!answer || answer.status >= 300) return false;
  clients.acknowledge(fault, unit.hazardId, t, 'progress', sentAt);
  return true;
}

async function untilRegistered(clients: FaultClients, hazardId: string): Promise<void> {
  const until = Date.now() + 240_000;
  while ((await clients.once(inspector, 'GET', `/hazards/${hazardId}`))?.status !== 200) {
    if (Date.now() > until) throw new Error(`hazard ${hazardId}, accepted with 202, is not in the ledger after 240 s`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * A probe: the first unit's next action every 250 ms while `running()`; answers, for each
 * `since` asked of it, the time from `since` to the acknowledgement of the first action sent at
 * or after it — the recovery time as a client sees it. When the probe sent nothing after `since`
 * (one action, sent before the fault, rode it out retrying until the campaign had finished), that
 * action's acknowledgement is the first the client saw after the fault: it counts instead.
 */
export function startProbe(clients: FaultClients, fault: string, unit: FaultUnit) {
  let stop = false;
  const acks: Array<{ sentAt: number; at: number }> = [];
  const done = (async () => {
    while (!stop) {
      const sentAt = Date.now();
      if (await nextAction(clients, fault, unit)) acks.push({ sentAt, at: Date.now() });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
    },
    recoveryMs: (since: number) => {
      const first = acks.find((a) => a.sentAt >= since) ?? acks.find((a) => a.at >= since);
      return first ? first.at - since : undefined;
    },
  };
}
