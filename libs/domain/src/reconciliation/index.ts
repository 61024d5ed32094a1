export * from './ledger-drift';
export * from './reconciliation-drift-types';
export * from './reconciliation-kinds';
export * from './reconciliation-permissions';
