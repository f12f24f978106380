import { readFileSync } from 'node:fs';

/** Version of the server package, reported by /health and the OpenAPI document. */
export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
