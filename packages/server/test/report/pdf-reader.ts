import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

// Reads a PDF the way a person does, with npm packages only (no system tools to install):
// pdf.js (Firefox's PDF engine) extracts the text and renders a page onto a canvas
// (@napi-rs/canvas, prebuilt for the platform by npm), and jsQR reads a QR code from the pixels,
// as a phone does. Shared by the report tests and the portal's browser spec.

/** A rendered page: RGBA pixels, row by row. */
export interface PageImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

async function open(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  // A copy: pdf.js may take over the buffer it is given. Embedded fonts only, no eval.
  return getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The text of each page, a line break where pdf.js sees the end of a line. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const doc = await open(pdf);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      pages.push(text);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The text of every page, a line break where pdf.js sees the end of a line. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).map((page) => `${page}\n`).join('');
}

/** One page rendered at the given resolution, as a scan would see it. */
export async function renderPdfPage(pdf: Uint8Array, page = 1, dpi = 150): Promise<PageImage> {
  const doc = await open(pdf);
  try {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, rgba: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
  } finally {
    await doc.destroy();
  }
}

/** Share of the page's pixels darker than light grey (text, lines, QR modules). */
export function inkShare(image: PageImage): number {
  let ink = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const grey = 0.299 * (image.rgba[i] ?? 255) + 0.587 * (image.rgba[i + 1] ?? 255) + 0.114 * (image.rgba[i + 2] ?? 255);
    if (grey < 200) ink++;
  }
  return ink / (image.width * image.height);
}

/** The text of the QR code in the image, or null when none is found. */
export function decodeQr(image: PageImage): string | null {
  return jsQR(image.rgba, image.width, image.height)?.data ?? null;
}

/** The text of the QR code in a PNG image, or null when none is found. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return decodeQr({ width: image.width, height: image.height, rgba: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length) });
}
