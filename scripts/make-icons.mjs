// Draws the toolbar icon (a white envelope on a blue tile) at every size
// the manifest lists, so the PNGs in public/icon can be regenerated without an image editor.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Colour of a point in unit coordinates (0..1), or null when outside the tile. */
function shade(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const stroke = 0.07;
  const inBody = x > 0.18 && x < 0.82 && y > 0.3 && y < 0.74;
  const onEdge = inBody && (x < 0.18 + stroke || x > 0.82 - stroke || y < 0.3 + stroke || y > 0.74 - stroke);
  const flap = inBody && Math.abs(y - (0.3 + 0.6 * Math.abs(x - 0.5) * -1 + 0.3)) < stroke * 0.8 && y < 0.56;
  return onEdge || flap ? WHITE : BLUE;
}

function drawIcon(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let rSum = 0, gSum = 0, bSum = 0, covered = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          covered++;
          rSum += colour[0]; gSum += colour[1]; bSum += colour[2];
        }
      const o = 1 + px * 4;
      if (covered) {
        row[o] = rSum / covered; row[o + 1] = gSum / covered; row[o + 2] = bSum / covered;
        row[o + 3] = Math.round((255 * covered) / samples ** 2);
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), drawIcon(size));
