const BEIJING = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date in Beijing (Asia/Shanghai, UTC+8 all year), 'YYYY-MM-DD': the day publicity periods
 * are counted against. The one place the server computes "today" for the public view.
 * @example beijingToday(new Date('2026-03-31T16:00:00Z')) // '2026-04-01'
 */
export function beijingToday(now: Date = new Date()): string {
  return BEIJING.format(now);
}
