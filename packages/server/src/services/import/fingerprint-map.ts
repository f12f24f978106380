/**
 * Remembers which row first carried each natural key of a file, in 12 bytes per key instead of a
 * string per key, so duplicate detection stays small for files of millions of rows. Keys are the
 * first 64 bits of their SHA-256: two different 文书号 collide with probability ~n²/2⁶⁵
 * (about 3 in a million for a file of ten million rows).
 */
export class FingerprintMap {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private rows = new Int32Array(1 << 12); // 0 = empty slot (row numbers start at 1)
  private size = 0;

  /** Stores `rowNo` for the fingerprint unless present; returns the first row seen, or undefined when new. */
  firstRowOrAdd(hi: number, lo: number, rowNo: number): number | undefined {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    const mask = this.rows.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const seen = this.rows[i] ?? 0;
      if (seen === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.rows[i] = rowNo;
        this.size++;
        return undefined;
      }
      if (this.hi[i] === hi && this.lo[i] === lo) return seen;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    this.size = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      if (row !== 0) this.firstRowOrAdd(hi[i] ?? 0, lo[i] ?? 0, row);
    }
  }
}
