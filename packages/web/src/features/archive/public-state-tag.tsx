import type { PublicityStatus, VersionState } from '../../api/archive.api';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../lib/format';
import { STATE_TONES, stateLabel } from './archive-format';

/** 公示状态 of a record (or a version: 已被取代): 公示中 in green, the others with when publicity ended (Beijing time). */
export function PublicStateTag({ record }: { record: Pick<PublicityStatus, 'simpleProcedure' | 'publicityEndedAt'> & { publicState: VersionState } }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={STATE_TONES[record.publicState] ?? 'neutral'}>{stateLabel(record)}</StatusTag>
      {record.publicityEndedAt ? (
        <span style={{ display: 'block', fontSize: 12, color: 'rgba(0, 0, 0, 0.65)', marginTop: 2 }}>
          终止于 {formatDateTime(record.publicityEndedAt)}
        </span>
      ) : null}
    </span>
  );
}
