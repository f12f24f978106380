import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, stderrLines, tempDataDir } from './run-cli';

// Synthetic codes, valid by algorithm, not real entities or people.
const DEPT = '11410400MB0000019H';
const PERSON_ID = '410402199001011230';
const BAD_ID = '410402199001011231';
const HEADER = 'CF_XDR_MC,CF_XDR_LB,CF_XDR_ZJLX,CF_XDR_ZJHM,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM';

function personRow(id: string, docNo: string): string {
  const dept = '平顶山市市场监督管理局';
  return ['张三', '自然人', '身份证', id, docNo, '无证经营', '当事人未取得食品经营许可从事食品经营活动',
    '《中华人民共和国食品安全法》第一百二十二条', '罚款', '罚款2000元', '0.2', '2024-03-01', '2025-03-01', dept, DEPT, dept, DEPT].join(',');
}

interface Usage {
  rootKeyId: string;
  currentKeyId: string;
  keyIds: string[];
  columns: { table: string; column: string; byKey: Record<string, number> }[];
}

describe('pubcredit keys (embedded engine)', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'persons.csv');
  let batchId = '';
  let root = '';

  beforeAll(async () => {
    writeFileSync(file, [HEADER, personRow(PERSON_ID, '平市监罚〔2024〕21号'), personRow(BAD_ID, '平市监罚〔2024〕22号')].join('\r\n'));
    expect((await runCli(['departments', 'add', '--code', DEPT, '--name', '平顶山市市场监督管理局'], dataDir)).code).toBe(0);
    const run = await runCli(['import', file, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { batchId: string; accepted: number; rejected: number };
    expect([result.accepted, result.rejected]).toEqual([1, 1]);
    batchId = result.batchId;
  });

  it('shows every cipher text under the root key before any rotation', async () => {
    const run = await runCli(['keys', 'status', '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    const usage = JSON.parse(run.stdout) as Usage;
    root = usage.rootKeyId;
    expect(usage.currentKeyId).toBe(root);
    const byTable = Object.fromEntries(usage.columns.map((c) => [c.table, c.byKey]));
    expect(byTable).toMatchObject({ subjects: { [root]: 1 }, records: { [root]: 1 }, quarantine: { [root]: 1 } });
  });

  it('rotates: a new current key in <dataDir>/secrets/keyring.json (0600), everything re-encrypted', async () => {
    const run = await runCli(['keys', 'rotate', '--batch-size', '1'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^已添加密钥 [0-9a-f]{8}，现为当前密钥/);
    const ringFile = join(dataDir, 'secrets', 'keyring.json');
    expect(statSync(ringFile).mode & 0o777).toBe(0o600);
    const ring = JSON.parse(readFileSync(ringFile, 'utf8')) as { current: string; keys: { id: string }[] };
    expect(ring.keys.map((k) => k.id)).toEqual([root, ring.current]);

    const usage = JSON.parse((await runCli(['keys', 'status', '--json'], dataDir)).stdout) as Usage;
    expect(usage.currentKeyId).toBe(ring.current);
    for (const col of usage.columns) for (const id of Object.keys(col.byKey)) expect(id).toBe(ring.current);
  });

  it('still decrypts (the rejected file gives the ID as submitted) and still finds the person by hash', async () => {
    const out = join(dataDir, 'rejected.csv');
    const rejected = await runCli(['batches', 'rejected', batchId, '--format', 'csv', '--out', out], dataDir);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(BAD_ID);

    const again = await runCli(['import', file, '--catalog', 'administrative_penalty', '--source', DEPT, '--json'], dataDir);
    expect(again.code, again.stderr).toBe(0);
    // Same subject (resolved by the keyed hash), same fingerprint: nothing new.
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 1, unchanged: 1, created: 0 });
  });

  it('refuses to retire the root key, and records the rotation in a verifiable audit trail', async () => {
    const retire = await runCli(['keys', 'retire', root], dataDir);
    expect(retire.code).toBe(1);
    expect(stderrLines(retire)).toEqual([expect.stringContaining('根密钥')]);
    const verify = await runCli(['audit', 'verify'], dataDir);
    expect(verify.code, verify.stderr).toBe(0);
    const list = await runCli(['audit', 'list', '--action', 'keys', '--json'], dataDir);
    const actions = list.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { action: string; outcome: string }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'keys.rotate', outcome: 'success' }));
    expect(actions).toContainEqual(expect.objectContaining({ action: 'keys.retire', outcome: 'error' }));
  });
});
