import { describe, expect, it } from 'vitest';
import { accidentDecider, foldAccidentOpening } from './accident-decider';
import { STANDARD_ACCIDENT_POLICY } from './accident-policy';
import type { AccidentCommand } from './accident-commands';
import { applyEvents } from '../decider';
import { decideChainDeadlines, nextChainDeadlineAt } from './chain-deadlines';
import { openAccidentFile } from './decide-accident-report';
import { accidentReport, afterAccident, office, unit } from './testing/accident-fixtures';

/** The 8·21 record opened from the unit's 快报 (2 deaths, 3 lives endangered: the city government is owed a report too). */
function opened() {
  return foldAccidentOpening(openAccidentFile('acc-821', accidentReport(), unit, STANDARD_ACCIDENT_POLICY, afterAccident(0.5))).state;
}

function after(state: ReturnType<typeof opened>, command: AccidentCommand, now: Date) {
  return applyEvents(accidentDecider, state, accidentDecider.decide(state, command, now)).state;
}

describe('the reporting chain’s deadlines, recorded when they pass (漏报)', () => {
  it('waits for the earliest unanswered deadline: the county’s hour, then the city’s two', () => {
    let state = opened();
    expect(nextChainDeadlineAt(state)).toEqual(afterAccident(1));
    state = after(
      state,
      { type: 'record_chain_report', actor: office, stepId: 'county-1h', receivedAt: afterAccident(0.75).toISOString(), channel: 'written' },
      afterAccident(0.8),
    );
    // The city government's 2 h (3 lives endangered) and the city regulator's 2 h after the county's receipt.
    expect(nextChainDeadlineAt(state)).toEqual(afterAccident(2));
    expect(decideChainDeadlines(state, afterAccident(1.9))).toEqual([]);
  });

  it('records each report missing at its deadline once, as Duban, naming the level and the deadline', () => {
    let state = opened();
    const missed = decideChainDeadlines(state, afterAccident(1));
    expect(missed.map((e) => [e.type, e.data, e.actor.role])).toEqual([
      ['chain_report_missed', { stepId: 'county-1h', level: 'county', deadline: afterAccident(1).toISOString() }, 'system'],
    ]);
    state = applyEvents(accidentDecider, state, missed).state;
    expect(decideChainDeadlines(state, afterAccident(1.5))).toEqual([]);
    expect(state.chainMissed).toEqual([{ stepId: 'county-1h', deadline: afterAccident(1).toISOString() }]);
    // The next level counts from the county's deadline while the county has received nothing.
    expect(nextChainDeadlineAt(state)).toEqual(afterAccident(2));
  });

  it('still takes a report after it was missed, and records it as late (迟报) by the minutes it missed', () => {
    let state = opened();
    state = applyEvents(accidentDecider, state, decideChainDeadlines(state, afterAccident(1))).state;
    const late = accidentDecider.decide(
      state,
      { type: 'record_chain_report', actor: office, stepId: 'county-1h', receivedAt: afterAccident(1.5).toISOString(), channel: 'written' },
      afterAccident(1.6),
    );
    expect(late.map((e) => e.type)).toEqual(['chain_report_received']);
    expect(late[0].reason).toContain('迟报 by 30 min');
    state = applyEvents(accidentDecider, state, late).state;
    expect(decideChainDeadlines(state, afterAccident(1.6))).toEqual([]);
  });

  it('owes nothing more once every owed report is in', () => {
    let state = opened();
    for (const stepId of ['county-1h', 'city-2h', 'city-government-2h']) {
      state = after(
        state,
        { type: 'record_chain_report', actor: office, stepId, receivedAt: afterAccident(0.9).toISOString(), channel: 'written' },
        afterAccident(0.95),
      );
    }
    expect(nextChainDeadlineAt(state)).toBeUndefined();
    expect(decideChainDeadlines(state, afterAccident(48))).toEqual([]);
  });
});
