// The worker's workflow bundle entry: every workflow type Duban runs.
export { hazardWorkflow } from './hazard/hazard.workflow';
export { accidentWorkflow } from './accident/accident.workflow';
export { tipOffWorkflow } from './tip-off/tip-off.workflow';
export { campaignWorkflow } from './campaign/campaign.workflow';
export { unitObligationsWorkflow } from './campaign/unit-obligations.workflow';
export { accidentRecordReviewWorkflow } from './accident-record/accident-record-review.workflow';
export { accountabilityActionWorkflow } from './accident-record/accountability-action.workflow';
export { enforcementCaseWorkflow } from './enforcement/enforcement-case.workflow';
export { covertInspectionWorkflow } from './covert-inspection/covert-inspection.workflow';
export { enforcementRecordReviewWorkflow } from './enforcement/enforcement-record-review.workflow';
export { reconciliationWorkflow } from './reconciliation/reconciliation.workflow';
