import { MATRIX_FIRING_KEY, MATRIX_REVIEW_RUN_ID } from '../in-memory-accident-record';
import { reason, type Recipe } from './recipe-parts';

/** The record belongs to regions (属地): the matrix's is 西湖区 (330106), where unit-a and unit-b sit; its firing is 西湖区's too. */
const REGION = '330106';
const onRegion =
  (path: string, body?: unknown): Recipe =>
  () => ({ path: `/accident-record/regions/${REGION}${path}`, body, checks: [{ region: REGION }] });

/** One valid call per route of the accident record (控制指标、按月检查、问责). */
export const ACCIDENT_RECORD_RECIPES: Record<string, Recipe> = {
  'GET /accident-record/regions/:regionId/indicators/:year': onRegion('/indicators/2026'),
  'PUT /accident-record/regions/:regionId/indicators/:year': onRegion('/indicators/2026', {
    indicators: [{ key: 'deaths-all', label: '各类事故死亡人数', measure: 'deaths', cap: 12, source: '区安委会年度目标' }],
    warnAt: [0.6, 0.8, 1],
    ...reason,
  }),
  'GET /accident-record/regions/:regionId/indicators/:year/revisions': onRegion('/indicators/2026/revisions'),
  'GET /accident-record/regions/:regionId/checks': onRegion('/checks?month=2026-02'),
  'GET /accident-record/territories/:territoryId/firings': () => ({
    path: `/accident-record/territories/${REGION}/firings?year=2026`,
    checks: [{ region: REGION }],
  }),
  'GET /accident-record/firings/:firingKey': () => ({ path: `/accident-record/firings/${MATRIX_FIRING_KEY}`, checks: [{ region: REGION }] }),
  'POST /accident-record/firings/:firingKey/action-taken': () => ({
    path: `/accident-record/firings/${MATRIX_FIRING_KEY}/action-taken`,
    body: { heldAt: '2026-03-01T02:00:00.000Z', minutes: '约谈西湖区政府主要负责同志, 责令制定整改方案' },
    checks: [{ region: REGION }],
  }),
  // The review covers the whole record; what it answers is bounded to the caller's territory.
  'POST /accident-record/reviews': () => ({ path: '/accident-record/reviews', body: { asOf: '2026-03-01T00:00:00.000Z' }, checks: [] }),
  'GET /accident-record/reviews/:runId': () => ({ path: `/accident-record/reviews/${MATRIX_REVIEW_RUN_ID}`, checks: [] }),
};
