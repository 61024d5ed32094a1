import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { DomainRejection } from '../rejection';
import { REJECTION_CODES } from '../rejection-codes';
import { DeciderSpecification } from '../testing/decider-specification';
import { accidentReportFromVerification, admitTipOff, decideTipOffTimers, nextTipOffTimerAt, openTipOffFile } from './decide-tip-off';
import { tipOffDecider } from './tip-off-decider';
import { facts1225, tip1225, tipOffice, verification1225 } from './testing/tip-off-fixtures';
import { tipOffIsOpen } from './tip-off-state';

const auditor: Actor = { id: 'a1', name: '纪委监委', role: 'auditor' };
const inspector: Actor = { id: 'i1', name: '检查组', role: 'inspector' };
const RECEIVED = new Date('2026-12-28T01:05:00.000Z');
const NOW = new Date('2026-12-28T11:00:00.000Z');

function received() {
  const opening = openTipOffFile(tip1225(), tipOffice, undefined, RECEIVED);
  const first = opening[0];
  if (first?.type !== 'received') throw new Error('a tip-off file opens with its intake');
  return DeciderSpecification.for(tipOffDecider, { start: [first], now: RECEIVED }).given(opening);
}

function refusal(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('举报受理 (intake)', () => {
  it('opens the file with a verification obligation due 24 hours after the tip came in', () => {
    expect(received().state).toMatchObject({ status: 'awaiting_verification', deadline: '2026-12-29T01:00:00.000Z', overdue: false, lastSeq: 1 });
    expect(tipOffIsOpen(received().state)).toBe(true);
  });

  it('lets only the office take a tip in, and checks it', () => {
    expect(() => admitTipOff(tip1225(), tipOffice, NOW)).not.toThrow();
    expect(refusal(() => admitTipOff(tip1225(), inspector, NOW)).code).toBe('permission.role_not_allowed');
    expect(refusal(() => admitTipOff(tip1225({ receivedAt: '2027-01-01T00:00:00.000Z' }), tipOffice, NOW)).field).toBe('receivedAt');
  });
});

describe('核查 (verification)', () => {
  it('verified into a new accident: the report is built from the facts found and the verified casualties', () => {
    const accident = { kind: 'new' as const, accidentId: 'acc-1225', facts: facts1225() };
    const after = received()
      .when({ type: 'verify', actor: tipOffice, verification: verification1225(), accident }, NOW)
      .then([{ type: 'verified', data: { onTime: true, accidentId: 'acc-1225', link: 'opened' } }]);
    expect(after.state).toMatchObject({ status: 'verified', verifiedOnTime: true, accident: { accidentId: 'acc-1225', kind: 'opened' } });
    expect(tipOffIsOpen(after.state)).toBe(true);
    expect(accidentReportFromVerification(facts1225(), verification1225()).casualties.deaths).toBe(8);
  });

  it('closes the file once the accident record has taken the tip, with the flags it raised', () => {
    const accident = { kind: 'existing' as const, accidentId: 'acc-known' };
    const linked = received()
      .when({ type: 'verify', actor: tipOffice, verification: verification1225(), accident }, NOW)
      .then([{ type: 'verified', data: { link: 'updated' } }])
      .when({ type: 'record_accident_link', actor: SYSTEM_ACTOR, accidentId: 'acc-known', link: 'updated', concealment: ['false_report'] }, NOW)
      .thenState({ accident: { accidentId: 'acc-known', concealment: ['false_report'], linkedAt: NOW.toISOString() } });
    expect(tipOffIsOpen(linked.state)).toBe(false);
  });

  it('not verified: the findings are recorded and no accident is named', () => {
    const state = received()
      .when(
        {
          type: 'verify',
          actor: tipOffice,
          verification: verification1225({ verified: false, casualties: undefined, findings: '经核查, 举报内容不属实' }),
        },
        NOW,
      )
      .then([{ type: 'not_verified', data: { onTime: true } }]).state;
    expect(state.status).toBe('not_verified');
    expect(tipOffIsOpen(state)).toBe(false);
  });

  it('refuses a verified tip without its accident, a not-verified one with one, and a second verification', () => {
    const spec = received();
    spec
      .when({ type: 'verify', actor: tipOffice, verification: verification1225() }, NOW)
      .thenThrows({ code: 'tip_off.accident_required', field: 'accident' });
    spec
      .when(
        { type: 'verify', actor: tipOffice, verification: verification1225({ verified: false }), accident: { kind: 'existing', accidentId: 'a' } },
        NOW,
      )
      .thenThrows({ code: 'tip_off.accident_not_allowed' });
    spec
      .when(
        {
          type: 'verify',
          actor: tipOffice,
          verification: verification1225(),
          accident: { kind: 'new', accidentId: 'acc-x', facts: facts1225({ location: '' }) },
        },
        NOW,
      )
      .thenThrows({ field: 'location' });
    spec
      .when({ type: 'verify', actor: auditor, verification: verification1225(), accident: { kind: 'existing', accidentId: 'a' } }, NOW)
      .thenThrows({ code: 'permission.role_not_allowed' });
    spec
      .when({ type: 'verify', actor: tipOffice, verification: verification1225(), accident: { kind: 'existing', accidentId: 'a' } }, NOW)
      .then([{ type: 'verified' }])
      .when({ type: 'verify', actor: tipOffice, verification: verification1225(), accident: { kind: 'existing', accidentId: 'a' } }, NOW)
      .thenThrows({ code: 'tip_off.already_verified' });
  });

  it('refuses a link the file does not await', () => {
    received()
      .when({ type: 'record_accident_link', actor: SYSTEM_ACTOR, accidentId: 'acc-1225', link: 'opened', concealment: [] }, NOW)
      .thenThrows({ code: 'tip_off.link_unexpected' });
  });
});

describe('核查逾期 (overdue)', () => {
  it('turns overdue once the deadline passes, once, and a late verification is recorded as late', () => {
    const spec = received();
    const deadline = new Date('2026-12-29T01:00:00.000Z');
    expect(nextTipOffTimerAt(spec.state)).toEqual(deadline);
    expect(decideTipOffTimers(spec.state, new Date(deadline.getTime() - 1))).toEqual([]);
    const due = decideTipOffTimers(spec.state, deadline);
    expect(due).toMatchObject([{ type: 'verification_overdue', actor: SYSTEM_ACTOR, data: { deadline: deadline.toISOString() } }]);
    const overdue = spec.and(due);
    expect(overdue.state.overdue).toBe(true);
    expect(nextTipOffTimerAt(overdue.state)).toBeUndefined();
    const later = new Date('2026-12-30T00:00:00.000Z');
    const late = overdue
      .when(
        {
          type: 'verify',
          actor: tipOffice,
          verification: verification1225({ verifiedAt: later.toISOString() }),
          accident: { kind: 'existing', accidentId: 'a' },
        },
        later,
      )
      .then([{ type: 'verified', data: { onTime: false } }]);
    expect(late.state).toMatchObject({ overdue: true, verifiedOnTime: false });
  });
});

describe('rejection codes', () => {
  it('names every tip-off refusal in Chinese', () => {
    const codes = Object.keys(REJECTION_CODES).filter((code) => code.startsWith('tip_off.'));
    expect(codes.length).toBe(4);
    for (const code of codes) expect(REJECTION_CODES[code as keyof typeof REJECTION_CODES].zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
