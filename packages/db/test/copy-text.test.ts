import { describe, expect, it } from 'vitest';
import { copyText, CopyText, csvField } from '../src/copy-text';

describe('CopyText', () => {
  it('joins rows into UTF-8 pieces that end at row boundaries', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},"平顶山市鹰城建材有限公司${'鹰'.repeat(i % 50)}"\n`);
    const pieces = copyText(rows, (r) => r);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.at(-1)).toBe(0x0a);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(rows.join(''));
  });

  it('keeps characters outside the BMP and a row longer than a piece whole', () => {
    const long = `1,"${'𠀀'.repeat(100_000)}"\n`;
    const out = new CopyText();
    out.add('0,"a"\n');
    out.add(long);
    out.add('2,"b"\n');
    const pieces = out.done();
    expect(pieces.map((p) => p.toString('utf8'))).toEqual(['0,"a"\n', long, '2,"b"\n']);
    expect(out.done()).toEqual([]);
  });

  it('gives no piece for no rows', () => {
    expect(copyText([], (r: string) => r)).toEqual([]);
  });
});

describe('csvField', () => {
  it('quotes text, doubles quotes, and leaves NULL unquoted', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(12)).toBe('12');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('a,b\nc')).toBe('"a,b\nc"');
  });
});
