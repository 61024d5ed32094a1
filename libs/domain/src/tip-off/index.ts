export * from './decide-tip-off';
export * from './evolve-tip-off';
export * from './tip-off-commands';
export * from './tip-off-decider';
export * from './tip-off-events';
export * from './tip-off-permissions';
export * from './tip-off-state';
