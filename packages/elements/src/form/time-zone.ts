/**
 * Her time zone (issue #16): the zone of the device she fills the form on, sent with her safe times so the office
 * never writes to her at night because it reads "9–11" in its own zone. Shown in words next to the safe-times
 * question, so she sees which clock her answer is read in.
 */

/** The device's IANA zone, or undefined when the runtime does not say. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The zones mainland China reads as one clock ("北京时间"). */
const BEIJING = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

/** A zone as a person says it: 北京时间 / Beijing time for China's, else the locale's generic name ("英国时间"). */
export function timeZoneInWords(zone: string, locale: string): string {
  const zh = locale.toLowerCase().startsWith('zh');
  if (BEIJING.has(zone)) return zh ? '北京时间' : 'Beijing time';
  try {
    const part = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}
