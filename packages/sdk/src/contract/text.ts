/** Text as a reader counts it. No schemas here, so a form can count without loading zod (issue #21). */

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * Counts what a person sees as characters. Chinese has no spaces and an emoji may be several code
 * units, so `string.length` would tell a citizen she typed more than she did.
 */
export function countGraphemes(text: string): number {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}
