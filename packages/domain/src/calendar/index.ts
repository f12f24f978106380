export * from './year-schedule';
export * from './working-calendar';
export { builtinSchedules } from './builtin-schedules';
export * from './calendar-horizon';
