/**
 * Her "when is it safe" answer (`contact.safeTimes`, free text in her words) read as a weekly schedule in
 * the opening-hours subset (opening-hours/parse.ts), for the notification rules. Read conservatively: what
 * cannot be read with certainty is `undefined`, and the rules then send nothing rather than guess a time
 * someone else may be holding her phone.
 *
 * Understood: the opening-hours subset itself (`Mo-Fr 09:00-11:00`), and ranges as people write them —
 * `9:00–11:00`, `9-11`, `9–11 am`, `2-4pm`, `上午9点到11点`, `下午2点至4点`, `晚上7点~8点` — with
 * `weekdays`/`工作日` (Mo-Fr) or `weekends`/`周末` (Sa,Su) in front; several ranges with commas or `、`.
 */
import { openingHours } from '../opening-hours/opening-hours.js';

/** When no safe times were given: daytime only, never at night. */
export const DEFAULT_SAFE_TIMES = '08:00-20:00';

const DASH = /\s*(?:-|–|—|~|～|至|到|to)\s*/.source;
const MARK = /(?:上午|早上|早晨|中午|下午|傍晚|晚上|am|a\.m\.|pm|p\.m\.)?/.source;
const TIME = /\d{1,2}(?:[:：.]\d{2}|[点時时](?:\d{1,2}分?|半)?)?/.source;
const PART = `${MARK}\\s*${TIME}\\s*${MARK}`;
const RANGE = new RegExp(`(${PART})${DASH}(${PART})`, 'giu');
const PART_RE = new RegExp(`^(${MARK.slice(0, -1)})?\\s*(\\d{1,2})(?:[:：.](\\d{2})|[点時时](?:(\\d{1,2})分?|(半))?)?\\s*(${MARK.slice(0, -1)})?$`, 'iu');

const afternoon = (mark: string | undefined) => mark !== undefined && /^(下午|傍晚|晚上|pm|p\.m\.)$/i.test(mark);
const morning = (mark: string | undefined) => mark !== undefined && /^(上午|早上|早晨|am|a\.m\.)$/i.test(mark);

/** One end of a range: its hour, minute and the am/pm or 上午/下午 mark written beside it. */
function part(text: string): { hour: number; minute: number; mark: string | undefined } | undefined {
  const m = PART_RE.exec(text.trim());
  if (!m) return undefined;
  return { hour: Number(m[2]), minute: m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : m[5] ? 30 : 0, mark: m[1] || m[6] || undefined };
}

function clock(hour: number, minute: number, mark: string | undefined): string | undefined {
  let h = hour;
  if (afternoon(mark) && h < 12) h += 12;
  if (morning(mark) && h === 12) h = 0;
  if (h > 24 || minute > 59 || (h === 24 && minute > 0)) return undefined;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Her answer as an opening-hours spec, or `undefined` when it cannot be read with certainty. */
export function safeTimesSpec(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return DEFAULT_SAFE_TIMES;
  const plain = text.normalize('NFKC').trim();
  if (openingHours(plain).known) return plain;
  const ranges: string[] = [];
  for (const m of plain.matchAll(RANGE)) {
    const from = part(m[1]!);
    const to = part(m[2]!);
    if (!from || !to) return undefined;
    // A mark written once covers both ends: "2-4pm", "下午2点到4点".
    const start = clock(from.hour, from.minute, from.mark ?? to.mark);
    const end = clock(to.hour, to.minute, to.mark ?? from.mark);
    if (!start || !end || start === end) return undefined;
    ranges.push(`${start}-${end}`);
  }
  if (ranges.length === 0) return undefined;
  const rest = plain.replace(RANGE, '').replace(/(?:[\s,，、;；]|和|及|\band\b)+/giu, '');
  const days = /^(weekdays?|工作日|周一至周五|星期一至星期五)$/iu.test(rest) ? 'Mo-Fr ' : /^(weekends?|周末|双休日)$/iu.test(rest) ? 'Sa,Su ' : rest === '' ? '' : undefined;
  // Words we do not understand beside the times ("except when he is home") make the whole answer unclear.
  if (days === undefined) return undefined;
  const spec = `${days}${ranges.join(',')}`;
  return openingHours(spec).known ? spec : undefined;
}
