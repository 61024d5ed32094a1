export * from './ledger-drift';
export * from './reconciliation-kinds';
export * from './reconciliation-permissions';
