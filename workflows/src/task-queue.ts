/** One task queue for every Duban workflow and activity: one worker deployment serves them all. */
export const DUBAN_TASK_QUEUE = 'duban';
