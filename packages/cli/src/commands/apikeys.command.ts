import type { Command } from 'commander';
import { withContext } from '../cli-context';
import { printJson, println, printTable } from '../output';
import { readable, scopeLabel } from '../readable';

interface CreateOptions {
  department?: string;
  system?: string;
  scopes: string;
  json?: boolean;
}

export function registerApiKeysCommand(program: Command): void {
  const apikeys = program.command('apikeys').description('API 密钥：部门密钥（数据上报）、系统密钥（信用核查）');

  apikeys
    .command('create')
    .description('创建密钥（--department 与 --system 二者选一）；密钥只显示这一次，库中只存其哈希')
    .option('--department <uscc>', '部门密钥：所属部门的统一社会信用代码')
    .option('--system <name>', '系统密钥：调用系统名称（如 政务服务网）')
    .requiredOption('--scopes <list>', `权限，逗号分隔：部门密钥 ${scopeLabel('batches:write')}、${scopeLabel('batches:read')}；系统密钥 ${scopeLabel('credit-check:read')}、${scopeLabel('metrics:read')}`)
    .option('--json', '以 JSON 输出 {"id","key"}')
    .action(async (opts: CreateOptions) => {
      const scopes = opts.scopes.split(/[,，\s]+/).filter(Boolean);
      const created = await withContext(
        'apikeys create',
        (ctx, server) => server.createApiKey(ctx, { departmentUscc: opts.department, systemName: opts.system, scopes }),
        // The key itself is shown once and never recorded: only its id.
        { action: 'apikey.create', details: { departmentUscc: opts.department, systemName: opts.system, scopes }, result: (c) => ({ id: c.id }) },
      );
      if (opts.json) return printJson(created);
      println(`密钥编号：${created.id}`);
      println(`密钥：${created.key}`);
      println('请妥善保存：密钥只显示这一次。');
    });

  apikeys
    .command('list')
    .description('列出密钥（不含密钥本身）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const keys = await withContext('apikeys list', (ctx, server) => server.listApiKeys(ctx));
      if (opts.json) return printJson(keys);
      if (keys.length === 0) return println('没有密钥。');
      // The server names each key's department (departmentName): no department look-up here.
      const show = await readable(keys.flatMap((k) => (k.departmentUscc && k.departmentName ? [{ uscc: k.departmentUscc, name: k.departmentName }] : [])));
      printTable(
        ['编号', '所属', '权限', '状态', '创建时间（北京时间）', '吊销时间（北京时间）'],
        keys.map((k) => [
          k.id,
          k.systemName ? `系统：${k.systemName}` : `部门：${show.department(k.departmentUscc)}`,
          k.scopes.map(scopeLabel).join('、'),
          k.revokedAt ? '已吊销' : '有效',
          show.time(k.createdAt),
          show.time(k.revokedAt),
        ]),
      );
    });

  apikeys
    .command('revoke')
    .description('吊销一个密钥')
    .argument('<id>', '密钥编号')
    .action(async (id: string) => {
      await withContext(
        'apikeys revoke',
        async (ctx, server) => {
          await server.revokeApiKey(ctx, id);
        },
        { action: 'apikey.revoke', target: id },
      );
      println(`已吊销密钥 ${id}`);
    });
}
