import { describe, expect, it } from 'vitest';
import type { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { WorkflowGateway } from './workflow-gateway';

describe('WorkflowGateway.start', () => {
  it('starts on the task queue it is configured with (the workers’ DUBAN_TASK_QUEUE), not a constant', async () => {
    const started: Array<{ taskQueue?: string; workflowId?: string }> = [];
    const client = {
      workflow: {
        executeUpdateWithStart: async (_update: unknown, options: { startWorkflowOperation: WithStartWorkflowOperation<never> }) => {
          started.push(options.startWorkflowOperation.options as { taskQueue?: string; workflowId?: string });
          return 'registered';
        },
      },
    } as unknown as Client;
    const gateway = new WorkflowGateway(client, 1_000, 'duban-b');
    const result = await gateway.start({
      workflowType: 'hazardWorkflow',
      workflowId: 'hazard-h1',
      input: {},
      registered: defineUpdate<string>('registered'),
      subject: 'hazard h1',
    });
    expect(result).toEqual({ registered: true, value: 'registered' });
    expect(started).toEqual([expect.objectContaining({ taskQueue: 'duban-b', workflowId: 'hazard-h1' })]);
  });
});
