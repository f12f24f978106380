import { Descriptions, Grid } from 'antd';
import type { PortalCatalog, PublicRecord } from '../../api/portal.types';
import { StatusTag } from '../../components/status-tag';
import type { Tone } from '../../components/status-tag';
import { publicityText, recordFields, roleFieldName } from './portal-format';

const TIER_TONES: Record<string, Tone> = { minor: 'info', general: 'warning', serious: 'error' };

/**
 * One public record: its document number and date (under the catalogue's name for it: 处罚决定日期,
 * a list's 列入日期), the source department, the publicity period
 * (negative records: 公示期至 maxUntil, 可申请信用修复自 minUntil, 轻微/一般/严重; the others: 长期公示) and every field by
 * its Chinese name.
 */
export function RecordItem({ record, catalog, headingLevel = 3 }: { record: PublicRecord; catalog?: PortalCatalog; headingLevel?: 3 | 4 }) {
  const period = publicityText(record);
  const rows = recordFields(record.data, catalog?.fields);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  // On a phone each label sits above its value.
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <article className="portal-record" data-testid="public-record">
      <Heading>
        {record.docNo || record.catalogName}
        {period.tier ? (
          <span style={{ marginLeft: 8, fontWeight: 'normal' }}>
            <StatusTag tone={TIER_TONES[record.tier ?? ''] ?? 'neutral'}>{period.tier}</StatusTag>
          </span>
        ) : null}
      </Heading>
      <div>
        {roleFieldName(catalog, 'decision_date', '决定日期')}：{record.decisionDate} · 来源部门：{record.sourceDeptName || record.sourceDept}
      </div>
      {record.maxUntil ? (
        <p className="period" data-testid="publicity-period">
          {period.until}
          {period.repairFrom ? `；${period.repairFrom}` : ''}
          {period.tier ? `；失信程度：${period.tier}` : ''}
          {record.regimeName ? `（依据${record.regimeName}）` : ''}
        </p>
      ) : (
        <div data-testid="publicity-period">{period.until}</div>
      )}
      <Descriptions
        size="small"
        bordered
        column={wide ? 2 : 1}
        layout={wide ? 'horizontal' : 'vertical'}
        items={rows.map((row, i) => ({ key: `${i}`, label: row.label, children: row.value }))}
        styles={{ label: wide ? { width: 160, color: 'rgba(0, 0, 0, 0.75)' } : { color: 'rgba(0, 0, 0, 0.75)' } }}
      />
    </article>
  );
}
