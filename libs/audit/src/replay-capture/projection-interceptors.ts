import { proxySinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { PROJECTION_ACTIVITY, STATE_PROJECTION_ACTIVITY, type AuditProjectionSinks, type ProjectionInput } from './projection-sink';

/*
 * Workflow code (bundled into the audit replay bundle only, through workflowInterceptorModules;
 * production workers never load it): hands every projection a workflow makes — through an
 * activity or a local activity alike — to the `auditProjections` sink, so a replay says exactly
 * which ledger events the workflow code itself projected.
 */
const { auditProjections } = proxySinks<AuditProjectionSinks>();

/** `localSeq`: a local activity's sequence number, which its marker in the history carries. */
function tell(activityType: string, args: readonly unknown[], localSeq?: number): void {
  if (STATE_PROJECTION_ACTIVITY.test(activityType)) return auditProjections.projected(activityType, { events: [], state: args[0] }, localSeq);
  if (!PROJECTION_ACTIVITY.test(activityType)) return;
  const input = args[0] as Partial<ProjectionInput> | undefined;
  if (input && Array.isArray(input.events)) auditProjections.projected(activityType, { events: input.events, state: input.state }, localSeq);
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        tell(input.activityType, input.args);
        return next(input);
      },
      scheduleLocalActivity(input, next) {
        tell(input.activityType, input.args, input.seq);
        return next(input);
      },
    },
  ],
});
