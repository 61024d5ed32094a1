import { describe, expect, it } from 'vitest';
import { describeWorkflowId, parseWorkflowId, tipOffWorkflowId } from '../workflow-ids';

describe('tip-off workflow ids', () => {
  it('are built and read back as tip-offs, never taken for another subject', () => {
    expect(tipOffWorkflowId('tip-1225')).toBe('tip-off-tip-1225');
    expect(parseWorkflowId(tipOffWorkflowId('tip-1225'))).toEqual({ kind: 'tip_off', tipOffId: 'tip-1225' });
    expect(describeWorkflowId(tipOffWorkflowId('t1'))).toBe('tip-off t1');
    expect(parseWorkflowId('tip-off-')).toBeUndefined();
  });
});
