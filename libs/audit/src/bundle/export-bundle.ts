import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { fetchWorkflowHistories } from '../workflow-histories';
import type { AuditedEvent } from './audited-event';
import type { BundleSubjectKind, MissingEvidence } from './bundle-manifest';
import type { AuditLedgers } from './bundle-subject';
import { resolveBundleSubject } from './bundle-subjects';
import { renderTimeline, type TimelineSection } from './bundle-timeline';
import { evidenceDigestsIn, evidencePath } from './evidence-digests';
import { historyToJson } from './history-json';
import { ledgerPath, ledgerStatePath } from './verify-ledgers';
import { BundleWriter } from './write-bundle';

export interface BundleSources {
  client: Client;
  ledgers: AuditLedgers;
}

export interface ExportedBundle {
  rootDigest: string;
  files: number;
  bytes: number;
  workflows: number;
  runs: number;
  events: number;
  missingEvidence: MissingEvidence[];
}

/** Histories fetched this many workflows at a time: each is two round trips, and a campaign tree has a thousand. */
const FETCH_IN_FLIGHT = 8;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `fn` over `items`, `inFlight` at a time, answers in the items' order. */
async function mapInFlight<T, R>(items: readonly T[], inFlight: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, lane));
  return results;
}

/**
 * `duban export`: one folder holding, for every workflow the subject stands for (a hazard; a
 * campaign's tree; a unit's obligations, hazards, accidents and their accountability, cases,
 * tip-offs and covert inspections; an accident and what it brought; an enforcement case), every
 * run's history (the proto3 JSON Temporal's tools read) and its ledger events (an accountability
 * action: the state its ledger row keeps);
 * every evidence file those events reference (`evidence/<hex>`, copied from the store); one
 * bilingual timeline; and the manifest with its root digest — signed with `signingKeyPem` when given.
 */
export async function exportBundle(
  sources: BundleSources,
  subjectOf: { kind: BundleSubjectKind; id: string },
  out: { dir: string; exportedBy: string; signingKeyPem?: string; now?: Date },
): Promise<ExportedBundle> {
  const subject = await resolveBundleSubject(sources.ledgers, subjectOf.kind, subjectOf.id);
  const writer = new BundleWriter(out.dir);
  const referencedBy = new Map<string, string[]>();
  let runs = 0;
  const sections: Array<TimelineSection & { ledgerEvents: number }> = await mapInFlight(subject.workflows, FETCH_IN_FLIGHT, async (workflow) => {
    const histories = await fetchWorkflowHistories(sources.client, workflow.workflowId);
    for (const run of histories) await writer.add(`histories/${workflow.workflowId}/${run.runId}.json`, historyToJson(run.history));
    runs += histories.length;
    // A ledger that keeps a row and no events (an accountability action's): its state, and a timeline read from it.
    if (workflow.ledgerState) {
      const { state, timeline } = await workflow.ledgerState();
      await writer.add(ledgerStatePath(workflow.workflowId), `${JSON.stringify(state, null, 2)}\n`);
      return { title: workflow.title, events: timeline, labels: workflow.labels, ledgerEvents: 0 };
    }
    const events: AuditedEvent[] = await workflow.ledgerEvents();
    const file = ledgerPath(workflow.workflowId);
    await writer.add(file, `${JSON.stringify(events, null, 2)}\n`);
    for (const digest of evidenceDigestsIn(events.map((e) => e.data))) referencedBy.set(digest, [...(referencedBy.get(digest) ?? []), file]);
    return { title: workflow.title, events, labels: workflow.labels, ledgerEvents: events.length };
  });

  // A digest the store lacks does not stop the export: the manifest says so, and verify reports it.
  const missingEvidence: MissingEvidence[] = [];
  for (const [digest, files] of [...referencedBy].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const stream = await sources.ledgers.evidence.open(digest);
    if (stream) await writer.add(evidencePath(digest), await readAll(stream));
    else missingEvidence.push({ digest, referencedBy: files });
  }

  const exportedAt = (out.now ?? new Date()).toISOString();
  await writer.add(
    'timeline.html',
    renderTimeline(subject.heading, sections, `导出 (exported) ${exportedAt} · ${out.exportedBy} · 核验 (verify): duban verify <folder>`),
  );
  const { rootDigest } = await writer.finish(
    { subject: { kind: subject.kind, id: subject.id }, exportedAt, exportedBy: out.exportedBy, missingEvidence },
    out.signingKeyPem,
  );
  return {
    rootDigest,
    files: writer.fileCount,
    bytes: writer.byteCount,
    workflows: subject.workflows.length,
    runs,
    events: sections.reduce((sum, s) => sum + s.ledgerEvents, 0),
    missingEvidence,
  };
}
