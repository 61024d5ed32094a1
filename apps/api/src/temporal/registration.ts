/** What waiting for a new workflow's ledger registration came to: its answer, or the time ran out first. */
export type Registration<T> = { registered: true; value: T } | { registered: false };

/**
 * Waits at most `timeoutMs` for `registration` (an update-with-start that answers once the new
 * workflow is in the ledger). An answer or an error that arrives in time is passed on as it is (a
 * start Temporal refused or could not take still fails the request). When the time runs out first
 * the answer is `{ registered: false }` and `registration` is left running, not cancelled: a
 * workflow start Temporal accepted is durable and a worker will register it once one polls. An
 * error `registration` ends in after that goes to `onLateError` (nobody is waiting for it then).
 */
export function awaitRegistration<T>(registration: Promise<T>, timeoutMs: number, onLateError: (error: unknown) => void): Promise<Registration<T>> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      resolve({ registered: false });
    }, timeoutMs);
    registration.then(
      (value) => {
        clearTimeout(timer);
        if (!timedOut) resolve({ registered: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (timedOut) onLateError(error);
        else reject(error);
      },
    );
  });
}

/** The `message` of a 202: `<subject> accepted by Temporal; … (no worker answered within N s)`. */
export function notYetRegisteredMessage(subject: string, timeoutMs: number): string {
  return `${subject} accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within ${timeoutMs / 1000} s)`;
}
