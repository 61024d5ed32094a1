import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hazardWorkflowId } from '@duban/domain';
import type { AuditBundleExporter } from '../audit-bundle-exporter';

/**
 * AuditBundleExporter for specs without Temporal (the authorization matrix): it asks `client`
 * for a handle of the subject's workflow, so a call that reaches it counts as reaching Temporal,
 * and writes a bundle of one manifest.
 */
export function auditBundleExporterStandIn(client: {
  workflow: { getHandle(workflowId: string): unknown };
}): Pick<AuditBundleExporter, 'export' | 'signs'> {
  return {
    signs: false,
    async export(subject, dir, exportedBy) {
      client.workflow.getHandle(hazardWorkflowId(subject.id));
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ subject, exportedBy, files: [] }));
      return { rootDigest: '0'.repeat(64), files: 0, bytes: 0, workflows: 0, runs: 0, events: 0, missingEvidence: [] };
    },
  };
}
