/**
 * An EvidenceStore in an S3-compatible bucket (AWS S3, MinIO, Ceph, a cloud's object storage), for offices that
 * keep files outside the database: one object per file, named by its key (an upload's random id), written and
 * read with SigV4-signed requests over `fetch` (the small `aws4fetch`; no SDK). Path-style URLs
 * (`<endpoint>/<bucket>/<key>`), which every S3-compatible server answers. Configured by
 * RIGHTS_KIT_S3_ENDPOINT, _BUCKET, _REGION, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY (docs/evidence.md).
 */
import type { EvidenceStore } from './evidence-store.js';

export interface S3Options {
  /** `https://s3.example.gov.cn` (no bucket in it). */
  endpoint: string;
  bucket: string;
  /** Default `us-east-1` (what most S3-compatible servers expect when they have no regions). */
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object names start with this (`evidence/`); default none. */
  prefix?: string;
  /** A `fetch` to use (tests). */
  fetch?: typeof fetch;
}

/** What the store says when the bucket answers something else than success: the status only (never a key or a body). */
export class EvidenceStoreError extends Error {
  override name = 'EvidenceStoreError';
}

/** The part of `aws4fetch`'s AwsClient used here. */
interface Signer {
  sign(url: string, init: RequestInit): Promise<Request>;
}
type SignerClass = new (o: { accessKeyId: string; secretAccessKey: string; service: string; region: string }) => Signer;

// Loaded on first use, by a name the compiler does not resolve: a server without a bucket never loads it.
const AWS4FETCH = 'aws4fetch';
let signerClass: Promise<SignerClass> | undefined;
const loadSigner = () => (signerClass ??= import(AWS4FETCH).then((m: { AwsClient: SignerClass }) => m.AwsClient));

export function s3EvidenceStore(options: S3Options): EvidenceStore {
  const client = loadSigner().then((AwsClient) => new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, service: 's3', region: options.region ?? 'us-east-1' }));
  const base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}/`;
  const url = (key: string) => base + encodeURIComponent((options.prefix ?? '') + key);
  const send = (key: string, init: RequestInit) => {
    return client.then((c) => c.sign(url(key), init)).then((r: Request) => (options.fetch ?? fetch)(r));
  };
  const fail = (what: string, status: number) => new EvidenceStoreError(`The evidence bucket answered ${status} to a ${what}.`);
  return {
    kind: 's3',
    async put(key, bytes) {
      const res = await send(key, { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer>, headers: { 'content-type': 'application/octet-stream' } });
      await res.arrayBuffer();
      if (!res.ok) throw fail('put', res.status);
    },
    async get(key) {
      const res = await send(key, { method: 'GET' });
      if (res.status === 404) {
        await res.arrayBuffer();
        return undefined;
      }
      if (!res.ok) throw fail('get', res.status);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send(key, { method: 'DELETE' });
      await res.arrayBuffer();
      // S3 answers 204 whether or not the object was there.
      if (!res.ok && res.status !== 404) throw fail('delete', res.status);
    },
  };
}
