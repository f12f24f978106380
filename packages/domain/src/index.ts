export * from './errors';
export * from './catalog';
export * from './validation';
export * from './identifiers';
export * from './text';
export * from './calendar';
export * from './access';
export * from './publicity';
