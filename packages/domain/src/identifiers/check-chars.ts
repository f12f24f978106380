// The check characters of the two national codes, with no data and no imports: the importer
// validates with them (uscc.ts, resident-id.ts) and the console's search box routes a query by them
// (@pubcredit/domain/check-chars).

// GB 32100-2015 统一社会信用代码 (regulations §1.1–1.2): 31 symbols (no I O Z S V), index = value,
// weights 3^(i−1) mod 31, C18 = 31 − (Σ mod 31), 31 → '0'.
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Char code → GB 32100 value, −1 outside the set (validation runs per imported row: no indexOf). */
const VALUE_OF: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_CHARS.length; i++) table[USCC_CHARS.charCodeAt(i)] = i;
  return table;
})();

/** GB 32100 value of the character at `i`, or −1 when it is outside the set. */
export const usccValueAt = (s: string, i: number): number => VALUE_OF[s.charCodeAt(i)] ?? -1;

/**
 * Computes the GB 32100 check character of the first 17 characters, or null if they are malformed.
 * @example usccCheckChar('91110000600037341') // 'L'
 */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValueAt(first17, i);
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? null;
}

// GB 11643-1999 公民身份号码 (regulations §1.7): 6 address code + 8 birth date + 3 order code
// (odd = male) + 1 check; check = "10X98765432"[Σ a_i·W_i mod 11], W_i = 2^(18−i) mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/**
 * Computes the GB 11643 check character of the first 17 digits, or null if they are not 17 digits.
 * @example residentIdCheckChar('44011320141005001') // 'X'
 */
export function residentIdCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = first17.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
    sum += digit * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK_CHARS[sum % 11] ?? null;
}
