export * from './errors';
export * from './validation/issue';
export * from './catalog/catalog.types';
