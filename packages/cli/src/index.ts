export { createProgram } from './program';
export { importJson } from './commands/import.command';
