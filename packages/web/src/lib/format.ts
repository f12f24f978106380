import { beijingClock } from '@pubcredit/domain/time';

/**
 * 2026-03-05 14:07 in Beijing time, whatever the browser's zone (the platform keeps one clock:
 * deadlines, lockouts and the audit trail are Beijing days and hours); '—' for none.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const text = beijingClock(iso);
  return text === iso ? iso : text.slice(0, 16);
}

/** 2026-03-05 14:07:09 in Beijing time, to the second (the audit trail); '—' for none. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? beijingClock(iso) : '—';
}

/** The Chinese name of a catalogue field, with its code; the code alone when unknown. */
export function fieldLabel(fields: readonly { code: string; name: string }[] | undefined, code: string): string {
  const field = fields?.find((f) => f.code === code);
  return field ? `${field.name}（${code}）` : code;
}

/** 18 characters of the GB 32100 alphabet; the server checks the check digit. */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}

/** The first 8 characters of a UUID, enough to tell rows apart in a table. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
