import { createHash } from 'node:crypto';
import type { HazardReport } from '@duban/domain';

/** A UUID as JSON Schema's `uuid` format reads it (the API's hazard id). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isHazardId = (text: string) => UUID.test(text);

// A fixed namespace: the same row yields the same id in every import, on every machine.
const NAMESPACE = Buffer.from('6f1c2b7e94a04e8bb0a7d0c0f5e3a9d1', 'hex');

/**
 * The id of a row whose 隐患编号 is blank: a name-based UUID (RFC 9562 version 5, SHA-1) of the
 * report's fields, so that importing the same row again names the same hazard and creates
 * nothing twice, as a row with its own id does.
 */
export function derivedHazardId(report: HazardReport, policyId: string | undefined): string {
  const name = JSON.stringify([
    report.title,
    report.description,
    report.location,
    report.industry,
    report.unitId,
    report.grade,
    report.source,
    report.finder,
    report.deadline,
    report.campaignId ?? null,
    policyId ?? null,
  ]);
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
