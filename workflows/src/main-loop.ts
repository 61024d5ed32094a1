import { allHandlersFinished, condition } from '@temporalio/workflow';
import { historyIsLong } from './history-limit';

/** What one workflow's main loop reads and does; the loop itself is the same for each. */
export interface MainLoop<Event> {
  /** Whether the workflow still has work (its file is not closed). */
  isOpen(): boolean;
  /** The state's last sequence number: when it moves, people acted (an update). */
  lastSeq(): number;
  /** When the next timer falls due, if one is set. */
  nextWakeAt(): Date | undefined;
  /** The timer events due at `now` (empty when none is). */
  dueAt(now: Date): Event[];
  /** Applies and records events. */
  commit(events: Event[]): Promise<unknown>;
  /** Work the state asks for before waiting, already started (a verified tip carried to its accident); the loop then looks again. */
  startPending?(): Promise<unknown> | undefined;
  /** Continues as new with the state carried over (called once every handler has finished). */
  continueAsNew(): Promise<never>;
}

/**
 * Runs until the workflow's file is closed: waits for people (an update moving the state) or the
 * next timer, commits what falls due, and continues as new when the history is long; then waits
 * for every handler to finish. It awaits exactly where the workflows' own loops did, so their
 * recorded histories replay with the same commands.
 */
export async function runMainLoop<Event>(loop: MainLoop<Event>): Promise<void> {
  while (loop.isOpen()) {
    const pending = loop.startPending?.();
    if (pending) {
      await pending;
      continue;
    }
    const seqBefore = loop.lastSeq();
    const moved = () => loop.lastSeq() !== seqBefore;
    const wakeAt = loop.nextWakeAt();
    const wait = wakeAt ? wakeAt.getTime() - Date.now() : undefined;
    const changedByPeople = wait === undefined ? await condition(moved) : wait > 0 ? await condition(moved, wait) : false;
    if (!changedByPeople) {
      const due = loop.dueAt(new Date());
      if (due.length > 0) await loop.commit(due);
      // A wake-up time with nothing due would spin without yielding: wait a second instead.
      else if (wait !== undefined && wait <= 0) await condition(moved, 1000);
    }
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      await loop.continueAsNew();
    }
  }
  await condition(allHandlersFinished);
}
