export * from './normalize';
export * from './beijing-time';
