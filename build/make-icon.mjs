// Draws the Folio app icon (a page with text lines and a folded corner on a rounded teal
// square) and writes it as PNG at 512, 256 and 128 px. Pure Node (zlib), no image tools needed.
// Run: node build/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, size*size*4) as a PNG file. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1). Later shapes paint over earlier ones.
const TEAL = [21, 94, 117, 255];
const PAGE = [250, 248, 242, 255];
const FOLD = [205, 214, 208, 255];
const INK = [60, 72, 80, 255];
const ACCENT = [224, 122, 60, 255];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x, y) {
  let c = null;
  if (inRoundRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.18)) c = TEAL;
  const [px0, py0, px1, py1, fold] = [0.27, 0.18, 0.73, 0.82, 0.13];
  const inPage =
    x >= px0 &&
    x <= px1 &&
    y >= py0 &&
    y <= py1 &&
    !(x > px1 - fold && y < py0 + (x - (px1 - fold)));
  if (inPage) c = PAGE;
  // The folded corner: a triangle below the cut.
  if (
    x > px1 - fold &&
    x <= px1 &&
    y >= py0 &&
    y <= py0 + fold &&
    y >= py0 + (x - (px1 - fold)) &&
    x <= px1 - fold + (y - py0)
  )
    c = FOLD;
  if (inPage) {
    // A headline bar in the accent colour, then text lines.
    if (y > 0.29 && y < 0.345 && x > 0.33 && x < 0.6) c = ACCENT;
    for (const [ly, lx1] of [
      [0.42, 0.67],
      [0.5, 0.67],
      [0.58, 0.67],
      [0.66, 0.55],
    ]) {
      if (y > ly && y < ly + 0.03 && x > 0.33 && x < lx1) c = INK;
    }
  }
  return c;
}

/** Renders the icon at `size` px with 4×4 supersampling. */
export function renderIcon(size) {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          // Premultiplied accumulation keeps edges clean against transparency.
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const a = acc[3] / (ss * ss);
      out[i + 3] = Math.round(a);
      if (acc[3] > 0) for (let k = 0; k < 3; k++) out[i + k] = Math.round(acc[k] / acc[3]);
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  writeFileSync(path.join(here, 'icon.png'), encodePng(512, renderIcon(512)));
  for (const size of [512, 256, 128]) {
    writeFileSync(
      path.join(here, 'icons', `${size}x${size}.png`),
      encodePng(size, renderIcon(size)),
    );
  }
  console.log('wrote build/icon.png and build/icons/{512,256,128}x….png');
}
