import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { rejectionToFailure } from './rejection-failure';

/** Where a command is built: the validator must not draw random values (the draw would shift replay). */
export type CommandStage = 'validator' | 'handler';

/** How one update becomes a domain command, is decided and is recorded; the hooks are what differs between updates. */
export interface CommandUpdate<Args, Command, Event, Answer> {
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
}

/**
 * Registers an update as validator → decide → (decide again in the handler) → commit. The
 * validator decides so that a refused command leaves no trace in the history; the handler
 * decides again because another update may have changed the state since it was validated.
 * A domain refusal reaches the caller as the failure the API maps to 400/403/409.
 */
export function handleCommandUpdate<Args, Command, Event, Answer>(
  update: UpdateDefinition<Answer, [Args]>,
  steps: CommandUpdate<Args, Command, Event, Answer>,
): void {
  const decided = (command: Command): Event[] => {
    try {
      return steps.decide(command);
    } catch (error) {
      throw rejectionToFailure(error);
    }
  };
  setHandler(
    update,
    // A hook left out costs no `await`: each handler yields where it did before this helper, so
    // recorded histories replay with their commands in the same order.
    async (args: Args): Promise<Answer> => {
      if (steps.before) await steps.before(args);
      const command = steps.command(args, 'handler');
      const events = decided(command);
      if (!steps.after) return steps.commit(events, command);
      const answer = await steps.commit(events, command);
      await steps.after(args);
      return steps.answerAfter ? steps.answerAfter(answer) : answer;
    },
    { validator: (args: Args) => void decided(steps.command(args, 'validator')) },
  );
}
