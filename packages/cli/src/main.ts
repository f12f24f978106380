import { reportFailure } from './cli-errors';
import { createProgram } from './program';

// Entry of bin/pubcredit.mjs. A failure prints one Chinese line on stderr and exits non-zero.
try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = await reportFailure(err);
}
