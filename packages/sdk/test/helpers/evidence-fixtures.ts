/**
 * Files with metadata that says where she is, built byte by byte for the evidence tests (browser tier and e2e):
 * an Exif block (TIFF) with Make, Model, Orientation and a GPS IFD, spliced into a JPEG as APP1 or into a PNG as
 * `eXIf`, and a PDF with an XMP packet carrying GPS and an /Info dictionary. No DOM here: the e2e test uses it in
 * Node too.
 */

const enc = new TextEncoder();

/** A big-endian TIFF: IFD0 with Make, Model, Orientation and the GPS IFD pointer; a GPS IFD with latitude and longitude. */
export function exifTiff(options: { make?: string; model?: string; orientation?: number } = {}): Uint8Array {
  const make = enc.encode(`${options.make ?? 'Huawei'}\0`);
  const model = enc.encode(`${options.model ?? 'P30 Pro'}\0`);
  const out: number[] = [];
  const u16 = (n: number) => out.push((n >> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => out.push((n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  // Layout: header 8, IFD0 (2 + 4×12 + 4 = 54) at 8, GPS IFD (2 + 4×12 + 4 = 54) at 62, then data at 116.
  const ifd0 = 8;
  const gpsIfd = ifd0 + 54;
  let data = gpsIfd + 54;
  const makeAt = data;
  data += make.length;
  const modelAt = data;
  data += model.length;
  const latAt = data;
  data += 24;
  const lonAt = data;
  out.push(0x4d, 0x4d);
  u16(42);
  u32(ifd0);
  // IFD0, tags ascending.
  u16(4);
  u16(0x010f); u16(2); u32(make.length); u32(makeAt);
  u16(0x0110); u16(2); u32(model.length); u32(modelAt);
  u16(0x0112); u16(3); u32(1); u16(options.orientation ?? 1); u16(0);
  u16(0x8825); u16(4); u32(1); u32(gpsIfd);
  u32(0);
  // GPS IFD: N 31°14'… E 121°28'… (Shanghai), as rationals.
  u16(4);
  u16(0x0001); u16(2); u32(2); out.push(0x4e, 0, 0, 0);
  u16(0x0002); u16(5); u32(3); u32(latAt);
  u16(0x0003); u16(2); u32(2); out.push(0x45, 0, 0, 0);
  u16(0x0004); u16(5); u32(3); u32(lonAt);
  u32(0);
  out.push(...make, ...model);
  for (const [d, m, s] of [
    [31, 14, 1234],
    [121, 28, 5678],
  ] as const) {
    u32(d); u32(1); u32(m); u32(1); u32(s); u32(100);
  }
  return new Uint8Array(out);
}

/** The JPEG with an APP1 Exif segment (the TIFF above) right after its SOI marker. */
export function jpegWithExif(jpeg: Uint8Array, tiff: Uint8Array = exifTiff()): Uint8Array {
  const body = new Uint8Array([...enc.encode('Exif\0\0'), ...tiff]);
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...body, ...jpeg.subarray(2)]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** The PNG with an `eXIf` chunk (the TIFF above) right after IHDR. */
export function pngWithExif(png: Uint8Array, tiff: Uint8Array = exifTiff()): Uint8Array {
  const ihdrEnd = 8 + 12 + 13;
  const typeAndData = new Uint8Array([...enc.encode('eXIf'), ...tiff]);
  const crc = crc32(typeAndData);
  const n = tiff.length;
  const chunk = [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, ...typeAndData, crc >>> 24, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff];
  return new Uint8Array([...png.subarray(0, ihdrEnd), ...chunk, ...png.subarray(ihdrEnd)]);
}

export const XMP_GPS = `<?xpacket begin="\u00ef\u00bb\u00bf" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,14.2N" exif:GPSLongitude="121,28.5E"/>
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

/** A one-page PDF with an XMP metadata stream carrying GPS and an /Info dictionary naming its author; a valid xref. */
export function pdfWithGps(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Type /Metadata /Subtype /XML /Length ${XMP_GPS.length} >>\nstream\n${XMP_GPS}\nendstream`,
    '<< /Author (Wang Fang \\(home\\)) /Creator (Scanner at 12 Lane) /Producer <FEFF0041> /CreationDate (D:20260101120000+08) >>',
  ];
  let text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) text += `${String(o).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Whether `needle` (ASCII) occurs in the bytes. */
export function hasBytes(bytes: Uint8Array, needle: string): boolean {
  const n = enc.encode(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
