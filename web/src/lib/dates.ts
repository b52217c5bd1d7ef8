// Dates and times for reading: in the viewer's time zone (the signed-in person's own, else the browser's)
// and in the locale of the language in use (lib/i18n.ts).

import { language, locale } from './i18n';

let personZone: string | null = null;

/** The signed-in person's own time zone (GET /session's time_zone), or null for a token without a person. */
export function setPersonZone(zone: string | null | undefined): void {
  personZone = zone || null;
}

/** The viewer's time zone: the person's own when signed in as one, else the browser's IANA zone, UTC when it
 *  names none. */
export function viewerZone(): string {
  if (personZone) return personZone;
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "Thu 10 Dec 2026, 18:00" (English), "Do., 10. Dez. 2026, 18:00" (German), "czw., 10 gru 2026, 18:00" (Polish)
 *  in `zone`. */
export function formatWhen(iso: string, zone: string): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (language() !== 'en') return new Intl.DateTimeFormat(locale(), options).format(Date.parse(iso));
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', options).formatToParts(Date.parse(iso))) p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** A moment from the API (ISO, UTC) as a date and time in the viewer's zone and the language's locale; the text
 *  itself when it is no date. */
export function fmtDateTime(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale(), { timeZone: viewerZone(), dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(ms);
}

/** A moment from the API as a date alone ("4 Dec 2026", "04.12.2026", "4 gru 2026"). */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale(), { timeZone: viewerZone(), dateStyle: 'medium' }).format(ms);
}
