/** 2026-03-05 14:07 in the browser's time zone; '—' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
