export type * from './issue';
export * from './header-match';
export * from './row-validator';
export type { FieldValue } from './field-check';
export { fieldLabel } from './catalog-plan';
export { parseDateValue, parseDecimalValue, splitEnumList } from './value-parsers';
export type { DecimalParse } from './value-parsers';
