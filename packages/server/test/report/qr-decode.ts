import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// Reads QR codes the way a phone does: from pixels. pdftoppm comes from Debian's poppler-utils,
// which .ci/run installs: a missing tool fails the caller (it is never skipped). Shared by the
// report tests and the portal's browser spec (e2e/browser/portal.test.ts).

/** The text of the QR code in a PNG image, or null when none is found. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}

/** One page of a PDF rendered to PNG by pdftoppm at the given resolution. */
export function renderPdfPage(pdf: Buffer, page = 1, dpi = 150): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'pubcredit-qr-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    // Without an output root, pdftoppm writes the one page to stdout.
    const out = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
    if (out.error) throw new Error(`pdftoppm is not available (install poppler-utils): ${out.error.message}`);
    if (out.status !== 0) throw new Error(`pdftoppm failed: ${out.stderr.toString()}`);
    if (out.stdout.length === 0) throw new Error(`pdftoppm wrote no PNG for page ${page}`);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
