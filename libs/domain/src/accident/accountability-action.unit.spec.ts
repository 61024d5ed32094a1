import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DomainRejection } from '../rejection';
import { SEED_ACCOUNTABILITY_RULES, type AccountabilityFiring } from './accountability-rules';
import {
  accountabilityActionWorkflowId,
  accountabilityFiringKey,
  markActionOverdue,
  openAccountabilityAction,
  recordActionTaken,
  STANDARD_ACCOUNTABILITY_ACTION_POLICY,
} from './accountability-action';

const office: Actor = { id: 'o1', name: '市安委办 李主任', role: 'office' };
const auditor: Actor = { id: 'a1', name: '纪委监委', role: 'auditor' };
const rule = SEED_ACCOUNTABILITY_RULES[1];
const firing: AccountabilityFiring = {
  ruleId: rule.id,
  rule,
  territoryId: 'county-a',
  period: '2026',
  instrument: 'summons',
  accidentIds: ['acc-1', 'acc-2'],
  firedOn: '2026-09-10',
};
const FOUND = new Date('2026-10-01T00:00:00.000Z');
const days = (n: number) => new Date(FOUND.getTime() + n * 24 * 3600_000);

function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRejection);
    return { code: (error as DomainRejection).code, field: (error as DomainRejection).field };
  }
  throw new Error('expected a refusal');
}

describe('the office’s obligation from a firing (约谈 held, minutes recorded)', () => {
  it('is keyed by rule, territory, year and kind, and is due by the policy’s days after it was found', () => {
    expect(accountabilityFiringKey(firing)).toBe('county-two-larger-summons:county-a:2026:any');
    expect(accountabilityFiringKey({ ...firing, kind: 'fire' })).toBe('county-two-larger-summons:county-a:2026:fire');
    expect(accountabilityActionWorkflowId('k')).toBe('accountability-action-k');
    const state = openAccountabilityAction(firing, FOUND);
    expect(state).toMatchObject({ status: 'open', accidentIds: ['acc-1', 'acc-2'], openedAt: FOUND.toISOString() });
    expect(state.due).toBe(days(STANDARD_ACCOUNTABILITY_ACTION_POLICY.dueWithinDays).toISOString());
    expect(openAccountabilityAction(firing, FOUND, { dueWithinDays: 7, source: 'test' }).due).toBe(days(7).toISOString());
  });

  it('is done when the office records the summons with its minutes', () => {
    const done = recordActionTaken(
      openAccountabilityAction(firing, FOUND),
      { actor: office, heldAt: days(3).toISOString(), minutes: ' 约谈纪要 ' },
      days(4),
    );
    expect(done).toMatchObject({ status: 'done', taken: { minutes: '约谈纪要', heldAt: days(3).toISOString(), recordedBy: office } });
  });

  it('refuses another role, missing minutes, a future or malformed heldAt, and a second record', () => {
    const open = openAccountabilityAction(firing, FOUND);
    const ok = { actor: office, heldAt: days(1).toISOString(), minutes: '纪要' };
    expect(refusal(() => recordActionTaken(open, { ...ok, actor: auditor }, days(2))).code).toBe('permission.role_not_allowed');
    expect(refusal(() => recordActionTaken(open, { ...ok, minutes: '  ' }, days(2)))).toEqual({ code: 'input.required', field: 'minutes' });
    expect(refusal(() => recordActionTaken(open, { ...ok, heldAt: days(3).toISOString() }, days(2)))).toEqual({
      code: 'time.in_future',
      field: 'heldAt',
    });
    expect(refusal(() => recordActionTaken(open, { ...ok, heldAt: 'soon' }, days(2)))).toEqual({ code: 'input.malformed', field: 'heldAt' });
    const done = recordActionTaken(open, ok, days(2));
    expect(refusal(() => recordActionTaken(done, ok, days(3))).code).toBe('accountability.action.already_done');
  });

  it('falls overdue at the due date, not before, and can still be done late (the overdue mark stays)', () => {
    const open = openAccountabilityAction(firing, FOUND);
    expect(markActionOverdue(open, days(29.9))).toBe(open);
    const overdue = markActionOverdue(open, days(30));
    expect(overdue).toMatchObject({ status: 'overdue', overdueAt: days(30).toISOString() });
    expect(markActionOverdue(overdue, days(40))).toBe(overdue);
    const late = recordActionTaken(overdue, { actor: office, heldAt: days(35).toISOString(), minutes: '纪要' }, days(36));
    expect(late).toMatchObject({ status: 'done', overdueAt: days(30).toISOString() });
    expect(markActionOverdue(late, days(50))).toBe(late);
  });
});
