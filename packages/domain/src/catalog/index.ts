export type * from './catalog.types';
export * from './catalog.parser';
export * from './catalog.registry';
