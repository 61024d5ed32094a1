export * from './search-attributes';
export * from './hazard/hazard.contract';
