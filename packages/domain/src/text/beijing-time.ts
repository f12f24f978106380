// The time of an instant as the platform prints it everywhere (credit report, verify page, staff
// console, exports): Beijing time (Asia/Shanghai, UTC+8 all year), whatever the zone of the
// machine or browser.

const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * 'YYYY-MM-DD HH:mm:ss' of an instant in Beijing time, for a place that says 北京时间 once (a
 * column header, a page note); text that is no instant is returned as given.
 * @example beijingClock('2026-11-29T09:06:05Z') // '2026-11-29 17:06:05'
 */
export function beijingClock(at: string | Date): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : BEIJING_TIME.format(d);
}

/**
 * 'YYYY-MM-DD HH:mm:ss（北京时间）' of an instant; text that is no instant is returned as given.
 * @example beijingDateTime('2026-11-29T09:06:05Z') // '2026-11-29 17:06:05（北京时间）'
 */
export function beijingDateTime(at: string | Date): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : `${beijingClock(d)}（北京时间）`;
}
