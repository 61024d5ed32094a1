import { describe, expect, it } from 'vitest';
import { DeciderSpecification } from '../testing/decider-specification';
import { afterStart, CAMPAIGN_START, eastWorks, inspectorZhang, officeLi, reporterOf, TWO_COUNTY_LAUNCH } from '../testing/campaign-fixtures';
import type { CampaignCommand } from './campaign-commands';
import { campaignDecider } from './campaign-decider';
import type { ScopeUnit } from './campaign-scope';
import type { NewCampaignEvent } from './campaign-state';
import { currentCampaignSchedule } from './decide-campaign';

const launched: NewCampaignEvent = {
  type: 'launched',
  data: { templateId: TWO_COUNTY_LAUNCH.template.id, unitCount: 2, startsAt: TWO_COUNTY_LAUNCH.startsAt },
  at: CAMPAIGN_START.toISOString(),
  actor: officeLi,
  reason: 'spec launch',
};
const office = (type: 'paused' | 'resumed' | 'closed', hours: number): NewCampaignEvent => ({
  type,
  data: {},
  at: afterStart(hours).toISOString(),
  actor: officeLi,
  reason: 'spec',
});

/** Given the two-county campaign launched at its start, deciding a day in, after `later`. */
function running(...later: NewCampaignEvent[]) {
  return DeciderSpecification.for(campaignDecider, { start: [TWO_COUNTY_LAUNCH, officeLi], now: afterStart(24) }).given([launched, ...later]);
}

const REASON = '春节假期, 暂停一日一报';
const decision = (type: 'pause' | 'resume' | 'close', reason = REASON): CampaignCommand => ({ type, actor: officeLi, reason });
const newcomer: ScopeUnit = { unitId: 'u-late', name: '东城化工储运', kind: 'enterprise', regionId: 'county-east', industryId: 'chemicals' };

describe('launch (launchedCampaignState + launched)', () => {
  it('keeps the roster’s size, not the roster, and numbers the launch 1', () => {
    const { state } = running();
    expect(state).toMatchObject({ campaignId: 'camp-spec', status: 'running', scope: { unitCount: 2 }, launchCursor: 0, lastSeq: 1 });
    expect(state.scope).not.toHaveProperty('units');
  });

  it('moves the launch cursor forward only, and marks phase starts without changing anything else', () => {
    const enrolled = (from: number, to: number): NewCampaignEvent => ({
      type: 'units_enrolled',
      data: { from, to },
      at: CAMPAIGN_START.toISOString(),
      actor: officeLi,
      reason: 'spec',
    });
    const phase: NewCampaignEvent = {
      type: 'phase_started',
      data: { phaseId: 'rectify' },
      at: afterStart(120).toISOString(),
      actor: officeLi,
      reason: 'spec',
    };
    const { state } = running(enrolled(0, 2), enrolled(0, 1));
    expect(state.launchCursor).toBe(2);
    expect(running(phase).state).toEqual({ ...running().state, lastSeq: 2 });
  });
});

describe('pause and resume (暂停 / 恢复)', () => {
  it('pauses a running campaign and resumes a paused one, with the reason', () => {
    running()
      .when(decision('pause'))
      .then([{ type: 'paused', data: {}, actor: officeLi, reason: REASON, at: afterStart(24).toISOString() }])
      .when(decision('resume', '假期结束'), afterStart(48))
      .thenState({ status: 'running', lastSeq: 3 });
    running().when(decision('pause')).thenState({ status: 'paused' });
  });

  it('refuses to pause twice or to resume what is running', () => {
    running(office('paused', 2)).when(decision('pause')).thenThrows({ kind: 'conflict', message: 'already paused' });
    running().when(decision('resume')).thenThrows({ kind: 'conflict', message: 'not paused' });
  });
});

describe('every decision (谁决定、为什么)', () => {
  it('is for the office, says why, and is refused once the campaign is closed', () => {
    running().when({ type: 'pause', actor: inspectorZhang, reason: REASON }).thenThrows({ kind: 'forbidden' });
    running()
      .when({ type: 'close', actor: reporterOf(eastWorks), reason: REASON })
      .thenThrows({ kind: 'forbidden' });
    running().when(decision('pause', ' ')).thenThrows({ kind: 'invalid', field: 'reason' });
    running()
      .when(decision('pause', 'x'.repeat(5001)))
      .thenThrows({ kind: 'invalid', field: 'reason' });
    running(office('closed', 2)).when(decision('resume')).thenThrows({ kind: 'conflict', message: 'camp-spec is closed' });
  });
});

describe('extend_phase (延长阶段)', () => {
  const extend = (phaseId: string, by: { amount: number; unit: string }): CampaignCommand => ({
    type: 'extend_phase',
    actor: officeLi,
    reason: '整治任务重',
    phaseId,
    by: by as never,
  });

  it('moves the phase’s end, and every later obligation with it', () => {
    const extended = running()
      .when(extend('rectify', { amount: 2, unit: 'days' }))
      .then([{ type: 'phase_extended', data: { phaseId: 'rectify', by: { amount: 2, unit: 'days' }, newEndsAt: '2026-03-14T01:00:00.000Z' } }]);
    expect(extended.state.phaseExtensions).toEqual({ rectify: [{ amount: 2, unit: 'days' }] });
    expect(currentCampaignSchedule(extended.state).endsAt).toBe('2026-03-14T01:00:00.000Z');
    extended.when(extend('rectify', { amount: 1, unit: 'days' })).then([{ data: { newEndsAt: '2026-03-15T01:00:00.000Z' } }]);
  });

  it('refuses an unknown or ended phase and a malformed span', () => {
    running()
      .when(extend('aftercare', { amount: 1, unit: 'days' }))
      .thenThrows({ kind: 'invalid', field: 'phaseId', message: 'phases: self-check, rectify' });
    running()
      .when(extend('self-check', { amount: 1, unit: 'days' }), afterStart(121))
      .thenThrows({ kind: 'conflict', message: 'already ended' });
    running()
      .when(extend('rectify', { amount: 1, unit: 'weeks' }))
      .thenThrows({ kind: 'invalid', field: 'by.unit' });
    running()
      .when(extend('rectify', { amount: 0, unit: 'days' }))
      .thenThrows({ kind: 'invalid', field: 'by.amount' });
    running()
      .when(extend('rectify', { amount: 1.5, unit: 'workdays' }))
      .thenThrows({ kind: 'invalid', field: 'by.amount', message: 'whole' });
  });
});

describe('add_unit and remove_unit (增加 / 移出单位)', () => {
  const add = (unit: ScopeUnit): CampaignCommand => ({ type: 'add_unit', actor: officeLi, reason: '新纳入监管', unit });
  const remove = (unitId: string): CampaignCommand => ({ type: 'remove_unit', actor: officeLi, reason: '企业已关停', unitId });

  it('adds a unit in scope once, and removes a unit once', () => {
    const added = running()
      .when(add(newcomer))
      .then([{ type: 'unit_added', data: { unit: newcomer }, reason: '新纳入监管' }]);
    expect(added.state.addedUnits).toEqual([newcomer]);
    added.when(add(newcomer)).thenThrows({ kind: 'conflict', message: 'already added' });
    const removed = added.when(remove('u-east')).then([{ type: 'unit_removed', data: { unitId: 'u-east' } }]);
    expect(removed.state.removedUnitIds).toEqual(['u-east']);
    removed.when(remove('u-east')).thenThrows({ kind: 'conflict', message: 'already removed' });
  });

  it('takes a removed unit back when it is added again', () => {
    running()
      .when(remove('u-late'))
      .thenState({ removedUnitIds: ['u-late'] })
      .when(add(newcomer))
      .thenState({ removedUnitIds: [], addedUnits: [newcomer] });
  });

  it('refuses a unit outside the campaign’s scope, naming the field', () => {
    running()
      .when(add({ ...newcomer, unitId: 'not an id' }))
      .thenThrows({ kind: 'invalid', field: 'unit.unitId' });
    running()
      .when(add({ ...newcomer, name: '' }))
      .thenThrows({ kind: 'invalid', field: 'unit.name' });
    running()
      .when(add({ ...newcomer, kind: 'school' as never }))
      .thenThrows({ kind: 'invalid', field: 'unit.kind' });
    running()
      .when(add({ ...newcomer, regionId: 'county-north' }))
      .thenThrows({ kind: 'invalid', field: 'unit.regionId' });
    running()
      .when(add({ ...newcomer, industryId: 'mining' }))
      .thenThrows({ kind: 'invalid', field: 'unit.industryId' });
    running().when(remove('no such unit!')).thenThrows({ kind: 'invalid', field: 'unitId' });
  });
});

describe('close (结束)', () => {
  it('closes a running or paused campaign and keeps when', () => {
    running()
      .when(decision('close', '专项行动结束'), afterStart(240))
      .thenState({ status: 'closed', closedAt: afterStart(240).toISOString() });
    running(office('paused', 2))
      .when(decision('close'))
      .then([{ type: 'closed', data: {} }]);
  });
});
