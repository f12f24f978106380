import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Catches `db.query` (or `db.transaction`) called from inside `db.transaction(fn)`. On PGlite, with
 * one connection, that call waits for the transaction, which waits for the call: a silent hang. On
 * PostgreSQL it runs outside the transaction, a silent bug. Both engines throw instead, so the
 * mistake shows in tests on either.
 */
export class TransactionGuard {
  readonly #active = new AsyncLocalStorage<true>();

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.#active.run(true, fn);
  }

  assertOutside(what: string): void {
    if (this.#active.getStore()) {
      throw new Error(`${what} called inside db.transaction(): use the transaction's tx instead (PGlite would deadlock)`);
    }
  }
}
