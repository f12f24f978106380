import { describe, expect, it } from 'vitest';
import { LineEndNormaliser } from './line-ends';

/** The normalised text of `chunks`, fed one after another as a stream would. */
function normalise(chunks: string[]): string {
  const n = new LineEndNormaliser();
  let out = '';
  for (const chunk of chunks) out += n.normalise(chunk);
  n._flush((_err, rest) => (out += String(rest ?? '')));
  return out;
}

describe('LineEndNormaliser', () => {
  it('CRLF, LF and a lone CR all end a row', () => {
    expect(normalise(['a,b\r\nc,d\ne,f\rg,h\r\n'])).toBe('a,b\nc,d\ne,f\ng,h\n');
  });

  it('a line break inside a quoted cell is kept exactly, an escaped quote does not end the cell', () => {
    expect(normalise(['"第一行\r\n第二行",x\r\n"他说""好""\r\n",y\n'])).toBe('"第一行\r\n第二行",x\n"他说""好""\r\n",y\n');
  });

  it('a CRLF split across two chunks is one row break', () => {
    expect(normalise(['a,b\r', '\nc,d\r', 'e,f\r'])).toBe('a,b\nc,d\ne,f\n');
  });

  it('quote state carries across chunks', () => {
    expect(normalise(['"a\r', '\nb",c\r\n'])).toBe('"a\r\nb",c\n');
  });
});
