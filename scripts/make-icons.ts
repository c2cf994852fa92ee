/**
 * Generates the add-in icons in assets/: a rising bar chart in PerfPlan green on a
 * transparent background, at every size the manifest and the stores ask for.
 *
 *   npx ts-node --transpile-only scripts/make-icons.ts
 *
 * No image library: shapes are rasterized with 4×4 supersampling and written as RGBA PNG
 * (signature, IHDR, IDAT, IEND, each chunk with its CRC-32), node's zlib deflating and
 * computing the CRCs. The output is deterministic, so re-running the script reproduces the
 * committed files byte for byte (tests/addin/manifest.test.ts checks that).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** 16/32/80: ribbon (bt:Image); 32: IconUrl; 64: HighResolutionIconUrl; 128: store listings. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];

/** PerfPlan green (#107C41) and Excel's dark green (#185C37) for the baseline. */
const GREEN: Rgb = [0x10, 0x7c, 0x41];
const DARK_GREEN: Rgb = [0x18, 0x5c, 0x37];

/** A shape in design units: the icon is drawn on a 16×16 grid and scaled to the size. */
interface Shape {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Radius of the two top corners, in design units. */
  radius: number;
  color: Rgb;
}

/** Three ascending bars (heights 4, 7, 11) standing over a baseline. Integer edges keep
 *  every size crisp: the scale factors 1, 2, 4, 5 and 8 all map them onto whole pixels. */
const SHAPES: readonly Shape[] = [
  { x0: 1, y0: 9, x1: 5, y1: 13, radius: 0.75, color: GREEN },
  { x0: 6, y0: 6, x1: 10, y1: 13, radius: 0.75, color: GREEN },
  { x0: 11, y0: 2, x1: 15, y1: 13, radius: 0.75, color: GREEN },
  { x0: 0.5, y0: 14, x1: 15.5, y1: 15, radius: 0, color: DARK_GREEN },
];

function inside(shape: Shape, x: number, y: number): boolean {
  if (x < shape.x0 || x >= shape.x1 || y < shape.y0 || y >= shape.y1) return false;
  const r = shape.radius;
  if (r <= 0 || y >= shape.y0 + r) return true;
  // Top corners: outside the quarter circle of radius r is transparent.
  const cx = x < shape.x0 + r ? shape.x0 + r : x > shape.x1 - r ? shape.x1 - r : x;
  const cy = shape.y0 + r;
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels (row-major, 4 bytes per pixel) of the icon at `size`×`size`. */
export function renderIcon(size: number): Uint8Array {
  const samples = 4;
  const unit = 16 / size;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const hits = new Map<Shape, number>();
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * unit;
          const y = (py + (sy + 0.5) / samples) * unit;
          const shape = SHAPES.find((s) => inside(s, x, y));
          if (shape) hits.set(shape, (hits.get(shape) ?? 0) + 1);
        }
      }
      let covered = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [shape, count] of hits) {
        covered += count;
        r += shape.color[0] * count;
        g += shape.color[1] * count;
        b += shape.color[2] * count;
      }
      if (covered === 0) continue;
      const at = (py * size + px) * 4;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA pixels as a PNG file (no filtering, zlib level 9, no metadata). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The PNG bytes of the icon at `size`. */
export function iconPng(size: number): Buffer {
  return encodePng(size, size, renderIcon(size));
}

export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

/** Writes every icon into `dir` (default: the repository's assets/) and returns the paths. */
export function writeIcons(dir = resolve(__dirname, '..', 'assets')): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, iconFileName(size));
    writeFileSync(file, iconPng(size));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons()) console.log(`wrote ${file}`);
}
