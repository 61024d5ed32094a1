import { describe, expect, it } from 'vitest';
import { divergedEventId } from './replay-histories';

describe('divergedEventId', () => {
  it("reads the event id from Core's nondeterminism messages, in both wordings", () => {
    expect(divergedEventId('[TMPRL1100] Nondeterminism error: Activity machine does not handle this event: HistoryEvent(id: 5, TimerStarted)')).toBe(
      5,
    );
    expect(divergedEventId('Nondeterminism error: Timer machine does not match event ActivityTaskScheduled with ID 17 on commands')).toBe(17);
  });

  it('answers undefined when the message names no event', () => {
    expect(divergedEventId('Replay failed due workflow task failure. Details: boom')).toBeUndefined();
  });
});
