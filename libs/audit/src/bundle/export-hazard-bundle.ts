import type { Client } from '@temporalio/client';
import { HAZARD_EVENT_LABELS, hazardWorkflowId } from '@duban/domain';
import type { HazardLedgerReader } from '@duban/persistence';
import { fetchWorkflowHistories } from '../workflow-histories';
import { renderTimeline } from './bundle-timeline';
import { historyToJson } from './history-json';
import { auditedEvent, type AuditedEvent } from './projected-events';
import { writeBundle, type BundleFile } from './write-bundle';

export interface HazardBundleSources {
  client: Client;
  hazards: Pick<HazardLedgerReader, 'events'>;
}

/** Every event of a hazard in its ledger, page after page. */
async function ledgerEvents(hazards: HazardBundleSources['hazards'], hazardId: string): Promise<AuditedEvent[]> {
  const events: AuditedEvent[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page = await hazards.events(hazardId, { afterSeq, limit: 500 });
    events.push(...page.items.map((e) => auditedEvent(e as AuditedEvent)));
    if (page.next === null) return events;
    afterSeq = page.next;
  }
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * `duban export --hazard`: one folder holding the hazard workflow's every run (the proto3 JSON
 * Temporal's tools read), its ledger events, a bilingual timeline, and the manifest with the
 * root digest — signed with `signingKeyPem` when given. Answers the root digest.
 */
export async function exportHazardBundle(
  sources: HazardBundleSources,
  hazardId: string,
  out: { dir: string; exportedBy: string; signingKeyPem?: string; now?: Date },
): Promise<{ rootDigest: string; files: number }> {
  const workflowId = hazardWorkflowId(hazardId);
  const runs = await fetchWorkflowHistories(sources.client, workflowId);
  const events = await ledgerEvents(sources.hazards, hazardId);
  const exportedAt = (out.now ?? new Date()).toISOString();
  const files: BundleFile[] = [
    ...runs.map((run) => ({ path: `histories/${workflowId}/${run.runId}.json`, bytes: utf8(historyToJson(run.history)) })),
    { path: `ledger/${workflowId}.events.json`, bytes: utf8(`${JSON.stringify(events, null, 2)}\n`) },
    {
      path: 'timeline.html',
      bytes: utf8(
        renderTimeline(
          `隐患 ${hazardId} 履职时间线 (hazard timeline)`,
          [{ title: `隐患 ${hazardId} (hazard)`, events, labels: HAZARD_EVENT_LABELS }],
          `导出 (exported) ${exportedAt} · ${out.exportedBy} · 核验 (verify): duban verify <folder>`,
        ),
      ),
    },
  ];
  const { rootDigest } = await writeBundle(
    out.dir,
    { subject: { kind: 'hazard', id: hazardId }, exportedAt, exportedBy: out.exportedBy },
    files,
    out.signingKeyPem,
  );
  return { rootDigest, files: files.length };
}
