import { Command } from 'commander';
import { registerApiKeysCommand } from './commands/apikeys.command';
import { registerAuditCommand } from './commands/audit.command';
import { registerBatchesCommand } from './commands/batches.command';
import { registerCalendarCommand } from './commands/calendar.command';
import { registerDepartmentsCommand } from './commands/departments.command';
import { registerImportCommand } from './commands/import.command';
import { registerKeysCommand } from './commands/keys.command';
import { registerMaintenanceCommands } from './commands/maintenance.command';
import { registerPublicityCommands } from './commands/publicity.command';
import { registerUsersCommand } from './commands/users.command';
import { localise } from './help-text';

/** The `pubcredit` command line; settings come from the same environment as the server. */
export function createProgram(): Command {
  const program = localise(new Command('pubcredit'))
    .description(
      'PubCredit 公共信用信息平台命令行工具。\n' +
        '数据位置与服务器相同：PUBCREDIT_DATA_DIR（默认 ./data，内嵌数据库）或 DATABASE_URL（PostgreSQL）。',
    )
    .version('0.1.0', '-V, --version', '显示版本号');
  registerImportCommand(program);
  registerDepartmentsCommand(program);
  registerCalendarCommand(program);
  registerBatchesCommand(program);
  registerUsersCommand(program);
  registerApiKeysCommand(program);
  registerAuditCommand(program);
  registerKeysCommand(program);
  registerMaintenanceCommands(program);
  registerPublicityCommands(program);
  return program;
}
