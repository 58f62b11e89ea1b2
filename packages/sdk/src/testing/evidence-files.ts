/**
 * Small files for the evidence tests (issue #15 item 3), built byte by byte so every test can say exactly what
 * metadata a file carries: a JPEG with or without an Exif GPS IFD (with make and model), a PNG with or without
 * an `eXIf` chunk, a HEIC with or without an Exif item, a PDF with or without XMP GPS, and files that are not
 * evidence (SVG, HTML, zip). They are well formed for the server's checks (logic/evidence.ts), not images a
 * decoder draws: the browser tests make real photos with a canvas.
 */

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const be16 = (n: number) => [(n >> 8) & 255, n & 255];
const be32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/** Filler that changes with `seed`, so two files of a test are never the same bytes. */
function filler(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    // Never 0xFF: inside a JPEG's entropy data it would need stuffing; here it keeps the fake data simple.
    out[i] = (x >>> 0) % 255;
  }
  return out;
}

/** A big-endian TIFF block: IFD0 with Make and Model, and with `gps` a GPS IFD pointer (0x8825) to a GPS IFD. */
export function exifTiff(gps: boolean): Uint8Array {
  const entries = gps ? 3 : 2;
  const ifd0 = 8;
  const gpsIfd = ifd0 + 2 + entries * 12 + 4;
  const entry = (tag: number, type: number, count: number, value: number[]) => [...be16(tag), ...be16(type), ...be32(count), ...value];
  return bytes(
    'MM', [0, 42], be32(ifd0),
    be16(entries),
    entry(0x010f, 2, 4, [...'Cam\0'].map((c) => c.charCodeAt(0))),
    entry(0x0110, 2, 4, [...'X1\0\0'].map((c) => c.charCodeAt(0))),
    gps ? entry(0x8825, 4, 1, be32(gpsIfd)) : [],
    be32(0),
    // GPS IFD: GPSLatitudeRef "N".
    gps ? bytes(be16(1), entry(0x0001, 2, 2, [78, 0, 0, 0]), be32(0)) : [],
  );
}

const XMP_GPS = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="36,3.66N" exif:GPSLongitude="103,50.06E"/></rdf:RDF></x:xmpmeta>';

export interface FileOptions {
  /** Total size in bytes (at least the headers'); default 3000. */
  size?: number;
  /** Exif GPS (JPEG, PNG) or an Exif item (HEIC). */
  gps?: boolean;
  /** An XMP packet with GPS. */
  xmpGps?: boolean;
  /** Makes the filler differ between files. */
  seed?: number;
}

/** A JPEG: SOI, APP1 Exif (Make, Model, and GPS when asked), optional XMP, a scan of filler, EOI. */
export function jpegFile(o: FileOptions = {}): Uint8Array {
  const tiff = exifTiff(o.gps ?? false);
  const app1 = bytes([0xff, 0xe1], be16(2 + 6 + tiff.length), 'Exif\0\0', tiff);
  const xmp = o.xmpGps ? bytes([0xff, 0xe1], be16(2 + 29 + XMP_GPS.length), 'http://ns.adobe.com/xap/1.0/\0', XMP_GPS) : bytes();
  const head = bytes([0xff, 0xd8], app1, xmp, [0xff, 0xda], be16(8), [1, 1, 0, 0, 63, 0]);
  return bytes(head, filler(Math.max(0, (o.size ?? 3000) - head.length - 2), o.seed ?? 1), [0xff, 0xd9]);
}

/** A PNG: signature, IHDR, an `eXIf` chunk when `gps`, filler as IDAT, IEND (CRCs left zero). */
export function pngFile(o: FileOptions = {}): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => bytes(be32(data.length), type, data, be32(0));
  const ihdr = chunk('IHDR', bytes(be32(1), be32(1), [8, 2, 0, 0, 0]));
  const exif = o.gps ? chunk('eXIf', exifTiff(true)) : bytes();
  const itxt = o.xmpGps ? chunk('iTXt', bytes('XML:com.adobe.xmp\0', [0, 0], '\0\0', XMP_GPS)) : bytes();
  const head = bytes('\x89PNG\r\n\x1a\n', ihdr, exif, itxt);
  const end = chunk('IEND', bytes());
  return bytes(head, chunk('IDAT', filler(Math.max(0, (o.size ?? 3000) - head.length - end.length - 12), o.seed ?? 2)), end);
}

/** A HEIC: `ftyp` (heic), a `meta` box whose item list has an Exif item when `gps`, and filler as `mdat`. */
export function heicFile(o: FileOptions = {}): Uint8Array {
  const box = (type: string, ...body: (number[] | Uint8Array | string)[]) => {
    const inner = bytes(...body);
    return bytes(be32(8 + inner.length), type, inner);
  };
  const infe = (id: number, type: string) => box('infe', [2, 0, 0, 0], be16(id), be16(0), type, '\0');
  const items = o.gps ? [infe(1, 'hvc1'), infe(2, 'Exif')] : [infe(1, 'hvc1')];
  const head = bytes(box('ftyp', 'heic', be32(0), 'mif1heic'), box('meta', [0, 0, 0, 0], box('iinf', [0, 0, 0, 0], be16(items.length), ...items)));
  const size = Math.max(head.length + 16, o.size ?? 3000);
  return bytes(head, box('mdat', filler(size - head.length - 8, o.seed ?? 3)));
}

/** A PDF: header, an XMP metadata stream with GPS when asked, filler, trailer. */
export function pdfFile(o: FileOptions = {}): Uint8Array {
  const xmp = o.xmpGps ? `1 0 obj\n<< /Type /Metadata /Subtype /XML /Length ${XMP_GPS.length} >>\nstream\n${XMP_GPS}\nendstream\nendobj\n` : '';
  const head = bytes(`%PDF-1.7\n${xmp}%`);
  const tail = bytes('\n%%EOF\n');
  return bytes(head, filler(Math.max(0, (o.size ?? 3000) - head.length - tail.length), o.seed ?? 4).map((b) => 0x20 + (b % 90)), tail);
}

/** Files that are not evidence, whatever their name says. */
export const notEvidence = {
  svg: () => bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  html: () => bytes('<!doctype html><title>x</title><script>alert(1)</script>'),
  zip: () => bytes('PK\x03\x04', filler(200, 5)),
};
