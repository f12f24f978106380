import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// Noto Sans SC TTF from @expo-google-fonts/noto-sans-sc (DESIGN.md: the fontsource woff2 renders
// blank glyphs). The files are 10 MB each: read once per process. pdfkit parses a font per
// document (fontkit.create + cmap/GSUB on first layout, ~10–20 ms each); the parsed fontkit font is
// immutable once loaded, so it is kept and handed to each document's own embedded font (which
// keeps the per-document subset). If pdfkit's internals ever differ, each document parses the
// buffer itself, slower but the same output.

const require = createRequire(import.meta.url);

export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FILES: Record<string, string> = {
  [FONT_REGULAR]: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  [FONT_BOLD]: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

interface EmbeddedFontLike {
  font: unknown;
  constructor: new (doc: PDFKit.PDFDocument, font: unknown, id: string) => unknown;
}

interface DocInternals {
  _font?: EmbeddedFontLike;
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
}

let buffers: Map<string, Buffer> | undefined;
let parsed: Map<string, EmbeddedFontLike> | undefined | null;

function fontBuffers(): Map<string, Buffer> {
  buffers ??= new Map(Object.entries(FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]));
  return buffers;
}

/** One parsed font per family, taken from a throwaway document (null when pdfkit's shape is unexpected). */
function parsedFonts(): Map<string, EmbeddedFontLike> | null {
  if (parsed !== undefined) return parsed;
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & DocInternals;
  const out = new Map<string, EmbeddedFontLike>();
  for (const [name, buffer] of fontBuffers()) {
    probe.font(buffer);
    const font = probe._font;
    if (!font || typeof font.constructor !== 'function' || !font.font) {
      parsed = null;
      return parsed;
    }
    out.set(name, font);
  }
  parsed = out;
  return parsed;
}

/** Makes FONT_REGULAR and FONT_BOLD usable in the document (doc.font(FONT_REGULAR)). */
export function installFonts(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as DocInternals;
  const fonts = parsedFonts();
  if (fonts && internals._fontFamilies && typeof internals._fontCount === 'number') {
    for (const [name, probe] of fonts) {
      const Embedded = probe.constructor;
      internals._fontFamilies[name] = new Embedded(doc, probe.font, `F${++internals._fontCount}`);
    }
    return;
  }
  for (const [name, buffer] of fontBuffers()) doc.registerFont(name, buffer);
}
