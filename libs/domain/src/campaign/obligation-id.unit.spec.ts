import { describe, expect, it } from 'vitest';
import {
  activityObligationId,
  deliverableObligationId,
  obligationIdPrefix,
  parseObligationId,
  REPORT_DAY_SUFFIX_LENGTH,
  reportDaySuffix,
  reportObligationId,
} from './obligation-id';

describe('obligation ids', () => {
  it('round-trips every kind', () => {
    expect(parseObligationId(reportObligationId('daily', '2026-12-01'))).toEqual({ kind: 'report', refId: 'daily', day: '2026-12-01' });
    expect(parseObligationId(deliverableObligationId('self-check'))).toEqual({ kind: 'deliverable', refId: 'self-check' });
    expect(parseObligationId(activityObligationId('6-16'))).toEqual({ kind: 'activity', refId: '6-16' });
    expect(parseObligationId(reportObligationId('tier:county', '2026-12-01'))).toEqual({ kind: 'report', refId: 'tier:county', day: '2026-12-01' });
    expect(parseObligationId(deliverableObligationId('a:b'))).toEqual({ kind: 'deliverable', refId: 'a:b' });
  });

  it('refuses what is not an obligation id', () => {
    for (const id of ['report:daily', 'report:daily:2026-02-30', 'report::2026-12-01', 'deliverable:', 'task:x', 'activity', 42]) {
      expect(parseObligationId(id)).toBeUndefined();
    }
  });

  it('gives SQL the prefix and the day suffix the ids are built with', () => {
    const id = reportObligationId('daily', '2026-12-01');
    expect(id.startsWith(obligationIdPrefix('report'))).toBe(true);
    expect(id.slice(-REPORT_DAY_SUFFIX_LENGTH)).toBe(reportDaySuffix('2026-12-01'));
  });
});
