/** Failure of the command line itself (bad arguments, unreadable input), raised by the commands. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Prints the reason a command failed as one Chinese line on stderr and returns the exit code. */
export async function reportFailure(err: unknown): Promise<number> {
  const { userMessage } = await import('@pubcredit/server');
  const known = userMessage(err) ?? (err instanceof UsageError ? err.message : undefined);
  const message = known ?? `内部错误：${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`错误：${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.PUBCREDIT_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}
