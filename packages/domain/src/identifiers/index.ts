export * from './id-issue';
export * from './org-code';
export * from './uscc';
export * from './uscc-rules';
export * from './division';
export { DIVISION_REVISIONS } from './division-data';
export type { DivisionRevision } from './division-data';
export * from './resident-id';
export * from './mask';
