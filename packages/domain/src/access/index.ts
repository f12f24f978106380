export * from './roles';
export * from './username';
export * from './password-policy';
export * from './lockout';
export * from './audit-vocabulary';
export * from './api-scopes';
