/** Failure of the command line itself (bad arguments, unreadable input), raised by the commands. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: '文件或所在目录不存在',
  ENOTDIR: '路径中有一段不是目录',
  EISDIR: '这是一个目录，请给出文件名',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间不足',
  EEXIST: '文件已存在',
};

/** A file the command reads or writes (`--out`, a schedule) that the system refused, in Chinese. */
function fileProblem(err: unknown): string | undefined {
  const { code, path } = (err ?? {}) as NodeJS.ErrnoException;
  const problem = code === undefined ? undefined : FILE_PROBLEMS[code];
  return problem && typeof path === 'string' ? `无法访问文件 ${path}：${problem}` : undefined;
}

/** Prints the reason a command failed as one Chinese line on stderr and returns the exit code. */
export async function reportFailure(err: unknown): Promise<number> {
  const { userMessage } = await import('@pubcredit/server');
  const known = userMessage(err) ?? (err instanceof UsageError ? err.message : undefined) ?? fileProblem(err);
  const message = known ?? `内部错误：${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`错误：${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.PUBCREDIT_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}
