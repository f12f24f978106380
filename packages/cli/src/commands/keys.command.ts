import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { AppContext, ReencryptReport } from '@pubcredit/server';
import { withContext } from '../cli-context';
import type { ServerModule } from '../cli-context';
import { UsageError } from '../cli-errors';
import { printJson, println, printTable } from '../output';

// Key rotation (docs/operations/key-rotation.md). Every command opens the database, so on the
// embedded engine the server must be stopped (the data-dir lock says so), and each is recorded in
// the audit trail.

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('应为 1–100000 的整数');
  return n;
}

/** Adds a new current key to the keyring file; returns it and where the ring was written. */
function addKeyToRing(ctx: AppContext, server: ServerModule, keyFile?: string) {
  const source = server.keySource(server.parseConfig());
  const file = server.keyringTarget(source, keyFile);
  const { ring, added } = server.addKey(server.loadKeyring(source), ctx.now());
  // The keyring is saved before anything is encrypted with the new key: no data without its key.
  server.saveKeyring(file, ring);
  return { ring, keyId: added.id, file, fromEnv: source.base64 !== undefined };
}

function progressPrinter(): ((table: string, column: string, done: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (table, column, done) => process.stderr.write(`\r重新加密 ${table}.${column}：${done}   `);
}

function printReport(report: ReencryptReport): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
  printTable(
    ['表.列', '重新加密'],
    report.columns.map((c) => [`${c.table}.${c.column}`, String(c.reencrypted)]),
  );
  if (report.quarantineSealed > 0) println(`另有 ${report.quarantineSealed} 行旧的退回数据已加密其中的证件号码、手机号。`);
  if (report.recordsSealed > 0) println(`另有 ${report.recordsSealed} 条旧记录已遮蔽并加密文字字段（如违法事实）中的证件号码、手机号。`);
  println(`全部密文现由密钥 ${report.currentKeyId} 加密。`);
}

function printAdded(added: { keyId: string; file: string; fromEnv: boolean }): void {
  println(`已添加密钥 ${added.keyId}，现为当前密钥；密钥环文件：${added.file}`);
  println('请立即备份该文件（丢失任何一个仍在使用的密钥，就无法解密由它加密的数据）。');
  if (added.fromEnv) println(`请改用 PUBCREDIT_KEY_FILE=${added.file} 并删除 PUBCREDIT_DATA_KEY，否则服务器读不到新密钥。`);
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('个人信息加密密钥：查看、轮换（新增密钥并重新加密）、退役旧密钥');

  keys
    .command('status')
    .description('密钥环（根密钥、当前密钥）及各加密列由哪个密钥加密了多少项')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const usage = await withContext('keys status', (ctx, server) => server.cipherUsage(ctx));
      if (opts.json) return printJson(usage);
      println(`根密钥（派生检索哈希，不可轮换）：${usage.rootKeyId}`);
      println(`当前密钥：${usage.currentKeyId}；密钥环：${usage.keyIds.join('、')}`);
      printTable(
        ['表.列', ...usage.keyIds],
        usage.columns.map((c) => [`${c.table}.${c.column}`, ...usage.keyIds.map((id) => String(c.byKey[id] ?? 0))]),
      );
      if (usage.unsealedQuarantine > 0) println(`有 ${usage.unsealedQuarantine} 行旧的退回数据未加密：运行 pubcredit keys reencrypt。`);
    });

  keys
    .command('add')
    .description('生成新密钥并设为当前密钥（不重新加密旧数据）；服务器版先分发密钥环、重启各服务器，再运行 keys reencrypt')
    .option('--key-file <path>', '把密钥环写到此文件（使用 PUBCREDIT_DATA_KEY 时必须给出）')
    .action(async (opts: { keyFile?: string }) => {
      const added = await withContext('keys add', async (ctx, server) => addKeyToRing(ctx, server, opts.keyFile), {
        action: 'keys.add',
        result: (r) => ({ keyId: r.keyId, file: r.file }),
      });
      printAdded(added);
    });

  keys
    .command('rotate')
    .description('轮换：生成新密钥设为当前密钥，并用它重新加密全部个人信息密文（内嵌数据库须先停止服务器）')
    .option('--key-file <path>', '把密钥环写到此文件（使用 PUBCREDIT_DATA_KEY 时必须给出）')
    .option('--batch-size <n>', '每个事务处理的行数（默认 1000）', parseBatchSize)
    .action(async (opts: { keyFile?: string; batchSize?: number }) => {
      const { added, report } = await withContext(
        'keys rotate',
        async (ctx, server) => {
          const ring = addKeyToRing(ctx, server, opts.keyFile);
          const rotated = { ...ctx, keys: server.createDataKeys(ring.ring) };
          return { added: ring, report: await server.reencryptAll(rotated, { batchSize: opts.batchSize, onProgress: progressPrinter() }) };
        },
        { action: 'keys.rotate', result: (r) => ({ keyId: r.added.keyId, file: r.added.file, columns: r.report.columns, quarantineSealed: r.report.quarantineSealed, recordsSealed: r.report.recordsSealed }) },
      );
      printAdded(added);
      printReport(report);
    });

  keys
    .command('reencrypt')
    .description('用当前密钥重新加密其他密钥加密的密文（可中断，重新运行即继续），并加密旧版本明文存放的证件号码、手机号（退回数据，及记录文字字段中的）')
    .option('--batch-size <n>', '每个事务处理的行数（默认 1000）', parseBatchSize)
    .action(async (opts: { batchSize?: number }) => {
      const report = await withContext(
        'keys reencrypt',
        (ctx, server) => server.reencryptAll(ctx, { batchSize: opts.batchSize, onProgress: progressPrinter() }),
        { action: 'keys.reencrypt', result: (r) => ({ keyId: r.currentKeyId, columns: r.columns, quarantineSealed: r.quarantineSealed, recordsSealed: r.recordsSealed }) },
      );
      printReport(report);
    });

  keys
    .command('retire')
    .description('从密钥环移除一个不再加密任何数据的旧密钥（根密钥与当前密钥不可移除）')
    .argument('<id>', '密钥编号（见 keys status）')
    .option('--key-file <path>', '密钥环文件（默认同读取位置）')
    .action(async (id: string, opts: { keyFile?: string }) => {
      const file = await withContext(
        'keys retire',
        async (ctx, server) => {
          const usage = await server.cipherUsage(ctx);
          const inUse = usage.columns.reduce((n, c) => n + (c.byKey[id] ?? 0), 0);
          if (inUse > 0) throw new UsageError(`密钥 ${id} 仍加密着 ${inUse} 项数据：先运行 pubcredit keys reencrypt`);
          const source = server.keySource(server.parseConfig());
          const target = server.keyringTarget(source, opts.keyFile);
          server.saveKeyring(target, server.removeKey(server.loadKeyring(source), id));
          return target;
        },
        { action: 'keys.retire', target: id },
      );
      println(`已从密钥环 ${file} 移除密钥 ${id}。`);
    });
}
