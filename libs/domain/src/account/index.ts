export * from './account-assignment';
export * from './account-permissions';
export * from './login-name';
export * from './password-policy';
export * from './session-rules';
export * from './account-registry-check';
