import { describe, expect, it } from 'vitest';
import { ESCALATION_INSTRUMENT_LABELS } from '../hazard/escalation-instrument';
import {
  CAMPAIGN_EVENT_LABELS,
  CAMPAIGN_STATUS_LABELS,
  COVERAGE_GAP_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_CADENCE_LABELS,
  TARGET_METRIC_LABELS,
  UNIT_CAMPAIGN_STATUS_LABELS,
  UNIT_EVENT_LABELS,
  UNIT_KIND_LABELS,
} from './campaign-labels';
import { CAMPAIGN_STATUSES } from './campaign-state';
import { UNIT_KINDS } from './campaign-scope';
import { TARGET_METRICS } from './campaign-template';
import { COVERAGE_GAP_KINDS } from './coverage-matrix';
import { OBLIGATION_KINDS } from './obligation';
import { UNIT_CAMPAIGN_STATUSES } from './unit-obligations-state';

const hasChineseAndEnglish = (label: string) => /[\u4e00-\u9fff]/.test(label) && /[a-z]/i.test(label);

describe('campaign labels (中文标签)', () => {
  it('label every value in Chinese and English', () => {
    const tables: Array<[readonly string[], Record<string, string>]> = [
      [CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS],
      [UNIT_CAMPAIGN_STATUSES, UNIT_CAMPAIGN_STATUS_LABELS],
      [UNIT_KINDS, UNIT_KIND_LABELS],
      [OBLIGATION_KINDS, OBLIGATION_KIND_LABELS],
      [['daily', 'weekly'], REPORT_CADENCE_LABELS],
      [TARGET_METRICS, TARGET_METRIC_LABELS],
      [COVERAGE_GAP_KINDS, COVERAGE_GAP_LABELS],
    ];
    for (const [values, labels] of tables) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) expect(hasChineseAndEnglish(labels[value]!)).toBe(true);
    }
    for (const label of [
      ...Object.values(CAMPAIGN_EVENT_LABELS),
      ...Object.values(UNIT_EVENT_LABELS),
      ...Object.values(ESCALATION_INSTRUMENT_LABELS),
    ]) {
      expect(hasChineseAndEnglish(label)).toBe(true);
    }
  });
});
