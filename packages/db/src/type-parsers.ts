import pg from 'pg';

// Both engines must return the same JS values, or code tested on one engine breaks on the other.
// Differences left at their defaults: pg and PGlite agree on them (int2/int4/float → number,
// numeric → string, timestamptz → Date, jsonb → parsed). Types neither needs (interval, money…)
// differ between the drivers: cast them to text in SQL.

/** OIDs of the PostgreSQL types whose parsing we pin. */
export const OID = { int8: 20, date: 1082, dateArray: 1182, textArray: 1009 } as const;

const keepText = (value: string): string => value;

/**
 * PGlite parsers. A calendar date stays 'YYYY-MM-DD': as a JS Date it would mean midnight UTC, a
 * different day in Asia/Shanghai. int8 stays a string like pg's, not a number that loses digits
 * past 2^53. PGlite derives array parsers (date[], int8[]) from these element parsers.
 */
export const pgliteParsers: Record<number, (value: string) => unknown> = {
  [OID.date]: keepText,
  [OID.int8]: keepText,
};

type Parser = (value: string) => unknown;
// pg-types types the OID as its enum of built-ins; array OIDs such as 1009 are missing from it.
const defaultPgParser = pg.types.getTypeParser as unknown as (oid: number, format?: 'text' | 'binary') => Parser;

/** pg type parsers with the same conventions; per pool, so other pg users in the process are unaffected. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.date) return keepText;
    // date[] parsed as text[]: the elements are already ISO 'YYYY-MM-DD' (DateStyle ISO).
    if (oid === OID.dateArray) return defaultPgParser(OID.textArray, 'text');
    return defaultPgParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Session settings both engines run with, so `current_date` and date text mean the same on both. */
export const SESSION_SETTINGS = {
  // China has one civil time zone; 'today' for deadlines and received_at::date is a Beijing day.
  TimeZone: 'Asia/Shanghai',
  // date[] parsing above relies on ISO output.
  DateStyle: 'ISO, MDY',
} as const;
