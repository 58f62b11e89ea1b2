import { httpError } from './errors.js';

const tooLarge = (limit: number) =>
  httpError('payload_too_large', `The body is larger than ${Math.floor(limit / 1024)} KB.`);

/**
 * Reads a JSON request body: `application/json` only (415), at most `limit` bytes counted while
 * streaming so a body without Content-Length cannot exhaust memory (413), valid UTF-8 JSON (400
 * `invalid_json`). Nothing is written before all of this passed.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw httpError('unsupported_media_type', 'Send the body as application/json.');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw httpError('invalid_json', 'The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw httpError('invalid_json', 'The body is not valid JSON.');
  }
}
