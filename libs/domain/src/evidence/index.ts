export * from './evidence-policy';
export * from './admit-evidence-file';
export * from './evidence-digest';
export * from './evidence-permissions';
