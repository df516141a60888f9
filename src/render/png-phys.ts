/**
 * PNG resolution: a PNG without a pHYs chunk reads as 72 ppi in layout programs, so a 300 dpi
 * map would be placed at four times its size. Written by hand (chunk + CRC-32), because both
 * Node (the export CLI) and the browser (the Export menu) need it. Browser-safe: Uint8Array only.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** Pixels per metre for a dpi: 300 dpi → 11811. */
export const pxPerMetre = (dpi: number) => Math.round(dpi / 0.0254);

export interface PngChunk {
  type: string;
  data: Uint8Array;
  /** Offset of the chunk (its length field) in the file. */
  offset: number;
}

export function readChunks(png: Uint8Array): PngChunk[] {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length), offset: at });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Width and height from IHDR. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = readChunks(png).find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG without IHDR');
  const v = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  return { width: v.getUint32(0), height: v.getUint32(4) };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The PNG with one pHYs chunk (metres) right after IHDR; any pHYs it had is replaced. */
export function withPhys(png: Uint8Array, dpi: number): Uint8Array {
  const chunks = readChunks(png);
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const ppm = pxPerMetre(dpi);
  const data = new Uint8Array(9);
  const v = new DataView(data.buffer);
  v.setUint32(0, ppm);
  v.setUint32(4, ppm);
  data[8] = 1; // unit: metre
  const parts: Uint8Array[] = [png.subarray(0, 8 + 12 + ihdr.data.length), chunk('pHYs', data)];
  for (const c of chunks.slice(1)) if (c.type !== 'pHYs') parts.push(png.subarray(c.offset, c.offset + 12 + c.data.length));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** pHYs as read back: pixels per unit and the unit (1 = metre). */
export function readPhys(png: Uint8Array): { x: number; y: number; unit: number } | null {
  const c = readChunks(png).find((k) => k.type === 'pHYs');
  if (!c) return null;
  const v = new DataView(c.data.buffer, c.data.byteOffset, c.data.byteLength);
  return { x: v.getUint32(0), y: v.getUint32(4), unit: c.data[8]! };
}
