import { describe, expect, it } from 'vitest';
import {
  markActionOverdue,
  openAccountabilityAction,
  recordActionTaken,
  SEED_ACCOUNTABILITY_RULES,
  type AccountabilityFiring,
  type Actor,
} from '@duban/domain';
import type { AccountabilityFiringRow } from '@duban/persistence';
import { accountabilityAsKept, accountabilityOfRow, accountabilityTimeline } from './accountability-ledger';

const office: Actor = { id: 'o1', name: '市安委办 李主任', role: 'office' };
const rule = SEED_ACCOUNTABILITY_RULES[0]!;
const firing: AccountabilityFiring = {
  ruleId: rule.id,
  rule,
  territoryId: 'county-1',
  period: '2026',
  instrument: rule.instrument,
  accidentIds: ['a1', 'a2'],
  firedOn: '2026-03-01',
};
const opened = openAccountabilityAction(firing, new Date('2026-03-02T00:00:00.000Z'));
const overdue = markActionOverdue(opened, new Date(opened.due));
const done = recordActionTaken(overdue, { actor: office, heldAt: opened.due, minutes: '约谈纪要' }, new Date(Date.parse(opened.due) + 60_000));

/** The row the accident record's writer leaves for `done` (recordReview, then recordAction). */
const row: AccountabilityFiringRow = {
  firingKey: done.firingKey,
  ruleId: rule.id,
  rule,
  territoryId: 'county-1',
  period: '2026',
  kind: null,
  instrument: rule.instrument,
  accidentIds: ['a1', 'a2'],
  firedOn: '2026-03-01',
  workflowId: `accountability-action-${done.firingKey}`,
  status: 'done',
  openedAt: opened.openedAt,
  due: opened.due,
  overdueAt: overdue.overdueAt!,
  heldAt: opened.due,
  minutes: '约谈纪要',
  recordedBy: { id: office.id, name: office.name, role: office.role },
  recordedAt: done.taken!.recordedAt,
};

describe('an accountability action as its ledger row keeps it', () => {
  it('reads the same from the state the workflow recorded and from the row', () => {
    expect(accountabilityAsKept(done)).toEqual(accountabilityOfRow(row));
    expect(accountabilityAsKept(opened)).not.toEqual(accountabilityOfRow(row));
  });

  it('reads a timeline from it: opened, overdue, the summons held', () => {
    expect(accountabilityTimeline(accountabilityOfRow(row)).map((e) => [e.seq, e.type, e.at])).toEqual([
      [1, 'opened', opened.openedAt],
      [2, 'overdue', overdue.overdueAt],
      [3, 'action_taken', done.taken!.recordedAt],
    ]);
    expect(accountabilityTimeline(accountabilityAsKept(opened)).map((e) => e.type)).toEqual(['opened']);
  });
});
