import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { isKeyedUpdateId } from '@duban/domain';
import { rejectionToFailure } from './rejection-failure';
import type { UpdateMemory } from './update-memory';

/** Where a command is built: the validator must not draw random values (the draw would shift replay). */
export type CommandStage = 'validator' | 'handler';

/**
 * How a keyed update (one sent under an Idempotency-Key) is answered again when its id comes
 * back after continue-as-new: the workflow's memory, what to keep of an answer (small: the
 * events, never the state) and the answer a retry gets from it (with the state as it is now).
 */
export interface Retries<Answer, Kept> {
  memory: UpdateMemory;
  keep(answer: Answer): Kept;
  answer(kept: Kept): Answer;
}

/** How one update becomes a domain command, is decided and is recorded; the hooks are what differs between updates. */
export interface CommandUpdate<Args, Command, Event, Answer, Kept> {
  /** The domain command these update arguments ask for. */
  command(args: Args, stage: CommandStage): Command;
  /** Decides the command against the workflow's state as it is now (pure). */
  decide(command: NoInfer<Command>): Event[];
  /** Applies and records the decided events; what it answers is the update's result. */
  commit(events: Event[], command: NoInfer<Command>): Promise<Answer>;
  /** Runs in the handler before the command is decided again (a unit settles its clock first). */
  before?(args: Args): Promise<unknown>;
  /** Runs once the events are recorded (a campaign carries the decision to its units). */
  after?(args: Args): Promise<unknown>;
  /** What the update answers once `after` has run, from what `commit` answered (the campaign reads its view again). */
  answerAfter?(answer: Answer): Answer;
  retries: Retries<NoInfer<Answer>, Kept>;
}

/**
 * Registers an update as validator → decide → (decide again in the handler) → commit. The
 * validator decides so that a refused command leaves no trace in the history; the handler
 * decides again because another update may have changed the state since it was validated.
 * A domain refusal reaches the caller as the failure the API maps to 400/403/409.
 *
 * A keyed update the workflow remembers (a retry after continue-as-new; within one run Temporal
 * answers a repeated id itself) is answered from memory: not validated, decided or recorded again.
 */
export function handleCommandUpdate<Args, Command, Event, Answer, Kept>(
  update: UpdateDefinition<Answer, [Args]>,
  steps: CommandUpdate<Args, Command, Event, Answer, Kept>,
): void {
  const { memory } = steps.retries;
  const decided = (command: Command): Event[] => {
    try {
      return steps.decide(command);
    } catch (error) {
      throw rejectionToFailure(error);
    }
  };
  // A hook left out costs no `await`: each handler yields where it did before this helper, so
  // recorded histories replay with their commands in the same order.
  const run = async (args: Args): Promise<Answer> => {
    if (steps.before) await steps.before(args);
    const command = steps.command(args, 'handler');
    const events = decided(command);
    if (!steps.after) return steps.commit(events, command);
    const answer = await steps.commit(events, command);
    await steps.after(args);
    return steps.answerAfter ? steps.answerAfter(answer) : answer;
  };
  const runKeyed = async (args: Args, updateId: string): Promise<Answer> => {
    const remembered = memory.recall(updateId, update.name);
    if (remembered) return steps.retries.answer(remembered.kept as Kept);
    const answer = await run(args);
    memory.remember(updateId, update.name, steps.retries.keep(answer));
    return answer;
  };
  setHandler(
    update,
    // Not async itself: an update without a key gets `run`'s own promise, with no extra tick.
    (args: Args): Promise<Answer> => {
      const updateId = currentUpdateInfo()?.id;
      return updateId !== undefined && isKeyedUpdateId(updateId) ? runKeyed(args, updateId) : run(args);
    },
    {
      validator: (args: Args) => {
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined && memory.recall(updateId, update.name)) return;
        void decided(steps.command(args, 'validator'));
      },
    },
  );
}
