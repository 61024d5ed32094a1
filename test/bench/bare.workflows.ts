// Raw Temporal for the benchmark baseline: a workflow that does nothing but start and finish.
export async function bareWorkflow(): Promise<void> {}
