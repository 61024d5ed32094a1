// The worker's workflow bundle entry: every workflow type Duban runs.
export { hazardWorkflow } from './hazard/hazard.workflow';
