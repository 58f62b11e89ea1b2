import { httpError } from './errors.js';

const tooLarge = (limit: number) =>
  httpError('payload_too_large', `The body is larger than ${Math.floor(limit / 1024)} KB.`);

/**
 * Reads a request body of one media type as text: that type only (415), at most `limit` bytes counted while
 * streaming so a body without Content-Length cannot exhaust memory (413), valid UTF-8 (400 `invalid_json`,
 * the code of every unreadable body). Nothing is written before all of this passed.
 */
async function readText(request: Request, limit: number, mediaType: string, name: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readBytes(request, limit, mediaType));
  } catch (error) {
    if (error instanceof TypeError) throw httpError('invalid_json', `The ${name} is not valid UTF-8.`);
    throw error;
  }
}

/**
 * Reads a request body of one media type as bytes: that type only (415), at most `limit` bytes counted while
 * streaming so a body without Content-Length cannot exhaust memory (413). Nothing is written before this passed.
 */
export async function readBytes(request: Request, limit: number, mediaType: string): Promise<Uint8Array> {
  const type = request.headers.get('content-type') ?? '';
  if (!new RegExp(`^${mediaType.replace(/[/.+]/g, '\\$&')}\\s*(;|$)`, 'i').test(type)) {
    throw httpError('unsupported_media_type', `Send the body as ${mediaType}.`);
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
  return new Uint8Array(Buffer.concat(chunks));
}

/** A JSON body (`application/json`), parsed; 400 `invalid_json` when it is not JSON. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const text = await readText(request, limit, 'application/json', 'body');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw httpError('invalid_json', 'The body is not valid JSON.');
  }
}

/** A form body (`application/x-www-form-urlencoded`, Open311's POST), with the same limits. */
export async function readForm(request: Request, limit: number): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(request, limit, 'application/x-www-form-urlencoded', 'form'));
}
