import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GENERATE_KEY, loadMasterKey, MasterKeyError } from './master-key';

describe('loadMasterKey without a key on the server engine', () => {
  it('says how to generate one, and the command it names makes a key that loads', () => {
    expect(() => loadMasterKey({})).toThrow(MasterKeyError);
    expect(() => loadMasterKey({})).toThrow(GENERATE_KEY);
    // Run the advertised command exactly as a shell would (node -e "…").
    const script = /node -e "(.*)"$/.exec(GENERATE_KEY)?.[1] ?? '';
    const key = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
    expect(loadMasterKey({ base64: key })).toHaveLength(32);
  });
});
