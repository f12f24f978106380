import { Flex, Radio, Select } from 'antd';
import { useId } from 'react';
import type { PublicState } from '../../api/archive.api';
import type { Catalog } from '../../api/types';
import { stateOptions } from './archive-format';

interface Props {
  state: PublicState | undefined;
  catalog: string | undefined;
  /** The viewer's records per state (all catalogues). */
  counts: Partial<Record<PublicState, number>> | undefined;
  catalogs: Catalog[] | undefined;
  onState: (state: PublicState | undefined) => void;
  onCatalog: (catalog: string | undefined) => void;
}

/** 公示状态 (with the counts) and 信息类别: the table's filters. */
export function ArchiveFilters({ state, catalog, counts, catalogs, onState, onCatalog }: Props) {
  const stateLabelId = useId();
  const catalogId = useId();
  return (
    <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <span id={stateLabelId}>公示状态</span>
        <Radio.Group
          aria-labelledby={stateLabelId}
          optionType="button"
          buttonStyle="solid"
          value={state ?? 'all'}
          options={stateOptions(counts)}
          onChange={(e) => {
            const value = e.target.value as PublicState | 'all';
            onState(value === 'all' ? undefined : value);
          }}
        />
      </Flex>
      <Flex gap={8} align="center">
        <label htmlFor={catalogId}>信息类别</label>
        <Select
          id={catalogId}
          style={{ width: 220 }}
          allowClear
          placeholder="全部类别"
          value={catalog}
          loading={!catalogs}
          options={(catalogs ?? []).map((c) => ({ value: c.code, label: c.name }))}
          onChange={(value: string | undefined) => onCatalog(value || undefined)}
        />
      </Flex>
    </Flex>
  );
}
