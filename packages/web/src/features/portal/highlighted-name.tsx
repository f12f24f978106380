import type { Highlight } from '../../api/portal.types';
import { splitHighlights } from './portal-format';

/** A name with the search matches in <mark> (text only, React escapes it). */
export function HighlightedName({ name, highlights }: { name: string; highlights: readonly Highlight[] }) {
  return (
    <>
      {splitHighlights(name, highlights).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
