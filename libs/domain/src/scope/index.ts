export * from './place';
export * from './territory';
export * from './industry-scope';
export * from './list-bounds';
export * from './campaign-scope';
export * from './registry-territory';
