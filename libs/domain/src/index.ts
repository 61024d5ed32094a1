export * from './actor';
export * from './rejection';
export * from './time/add-span';
export * from './time/time-span';
export * from './time/work-calendar';
export * from './hazard';
export * from './campaign';
export * from './text-input';
