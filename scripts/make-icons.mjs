// Draws the toolbar icon (a white paper plane on an orange disc) at every size the manifest
// lists, so the PNGs in public/icon can be regenerated without an image editor. Orange and a
// round shape keep it apart from Outlook's blue square "O" envelope beside it in the toolbar.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const ORANGE = [201, 74, 16];
const WHITE = [255, 255, 255];
const SHADOW = [250, 208, 184];

/** Whether a point lies inside the triangle a, b, c (any winding). */
function inTriangle([x, y], a, b, c) {
  const side = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

// The plane flies up and to the right: its upper wing, its lower wing (in shade) and the keel between them.
const NOSE = [0.8, 0.22];
const WING_TIP = [0.18, 0.48];
const TAIL = [0.56, 0.8];
const FOLD = [0.44, 0.56];
const KEEL = [0.4, 0.76];

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

/** Colour of a point in unit coordinates (0..1), or null when outside the disc. */
function shade(x, y) {
  if ((x - 0.5) ** 2 + (y - 0.5) ** 2 > 0.25) return null;
  const point = [x, y];
  if (inTriangle(point, NOSE, WING_TIP, FOLD) || inTriangle(point, NOSE, FOLD, TAIL)) return WHITE;
  if (inTriangle(point, NOSE, FOLD, KEEL)) return SHADOW;
  return ORANGE;
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
