export { createTestDatabase, testEngines } from './test-database';
