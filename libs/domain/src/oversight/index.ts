export * from './signed-inspection';
export * from './oversight-policy';
export * from './oversight-trigger';
export * from './oversights';
export * from './oversight-permissions';
