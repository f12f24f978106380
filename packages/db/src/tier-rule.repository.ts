// Tiers (轻微/一般/严重) the credit centre sets per catalogue, department and 处罚类别
// (table publicity_tier_rules, migration 006). The importer reads them once per batch.
import { randomUUID } from 'node:crypto';
import type { Sql } from './database';
import type { PublicityTierName } from './record-version.table';

export interface TierRuleRow {
  rule_id: string;
  catalog: string;
  source_dept: string | null;
  penalty_type: string | null;
  tier: PublicityTierName;
  basis: string;
  created_at: Date;
}

/** One tier rule; null department or type = every department or type. */
export interface StoredTierRule {
  ruleId: string;
  catalog: string;
  sourceDept: string | null;
  penaltyType: string | null;
  tier: PublicityTierName;
  basis: string;
  createdAt: Date;
}

export interface TierRuleKey {
  catalog: string;
  sourceDept: string | null;
  penaltyType: string | null;
}

export interface NewTierRule extends TierRuleKey {
  tier: PublicityTierName;
  basis: string;
}

const COLUMNS = 'rule_id, catalog, source_dept, penalty_type, tier, basis, created_at';

const toRule = (r: TierRuleRow): StoredTierRule => ({
  ruleId: r.rule_id,
  catalog: r.catalog,
  sourceDept: r.source_dept,
  penaltyType: r.penalty_type,
  tier: r.tier,
  basis: r.basis,
  createdAt: r.created_at,
});

/** Every rule, by catalogue, then the catalogue-wide ones before the specific ones. */
export async function listTierRules(sql: Sql): Promise<StoredTierRule[]> {
  const { rows } = await sql.query<TierRuleRow>(
    `select ${COLUMNS} from publicity_tier_rules
      order by catalog, source_dept nulls first, penalty_type nulls first`,
  );
  return rows.map(toRule);
}

/** Sets the rule for a key, replacing the tier and basis of an existing one; returns the stored rule. */
export async function upsertTierRule(sql: Sql, rule: NewTierRule): Promise<StoredTierRule> {
  const { rows } = await sql.query<TierRuleRow>(
    `insert into publicity_tier_rules (rule_id, catalog, source_dept, penalty_type, tier, basis)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (catalog, coalesce(source_dept, ''), coalesce(penalty_type, ''))
       do update set tier = excluded.tier, basis = excluded.basis
     returning ${COLUMNS}`,
    [randomUUID(), rule.catalog, rule.sourceDept, rule.penaltyType, rule.tier, rule.basis],
  );
  const row = rows[0];
  if (!row) throw new Error('publicity_tier_rules upsert returned no row');
  return toRule(row);
}

/** Removes the rule for a key; returns it, or null when there was none. */
export async function deleteTierRule(sql: Sql, key: TierRuleKey): Promise<StoredTierRule | null> {
  const { rows } = await sql.query<TierRuleRow>(
    `delete from publicity_tier_rules
      where catalog = $1 and coalesce(source_dept, '') = coalesce($2, '') and coalesce(penalty_type, '') = coalesce($3, '')
     returning ${COLUMNS}`,
    [key.catalog, key.sourceDept, key.penaltyType],
  );
  const row = rows[0];
  return row ? toRule(row) : null;
}
