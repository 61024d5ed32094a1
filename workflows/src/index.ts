export * from './task-queue';
export * from './search-attributes';
export { describeWorkflowId, parseWorkflowId, type WorkflowSubject } from '@duban/domain';
export * from './hazard/hazard.contract';
export * from './accident/accident.contract';
export * from './accident-record/accident-record.contract';
export * from './campaign/campaign.contract';
export * from './campaign/unit-obligations.contract';
export { REJECTION_FAILURE_TYPE } from './rejection-failure';
