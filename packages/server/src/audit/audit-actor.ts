import { hostname, userInfo } from 'node:os';
import type { AuditActorKind } from '@pubcredit/db';
import type { Principal } from '../services/api-scopes';

/** Who an audit entry names. */
export interface AuditActor {
  kind: AuditActorKind;
  /** User id, API key id, or the OS user of a CLI run. */
  id: string | null;
  /** Username, calling system, department key, or user@host. */
  name: string | null;
  departmentUscc: string | null;
}

/** A key principal of the foundation, before principals carried `kind` (still accepted). */
interface LegacyKeyPrincipal {
  keyId: string;
  departmentUscc: string | null;
  systemName: string | null;
}

/** Anything a request's principal has been: the current union or the foundation's key shape. */
export type AnyPrincipal = Principal | LegacyKeyPrincipal;

export const ANONYMOUS: AuditActor = { kind: 'anonymous', id: null, name: null, departmentUscc: null };

function keyActor(p: { keyId: string; departmentUscc: string | null; systemName: string | null }): AuditActor {
  const name = p.systemName ?? (p.departmentUscc ? `部门密钥（${p.departmentUscc}）` : 'API 密钥');
  return { kind: 'key', id: p.keyId, name, departmentUscc: p.departmentUscc };
}

/**
 * The actor of a request: its principal (staff member or API key), or anonymous.
 * @example actorOf({ kind: 'user', userId: 'u1', username: 'wang', role: 'auditor', departmentUscc: null }).name // 'wang'
 */
export function actorOf(principal: AnyPrincipal | null | undefined): AuditActor {
  if (!principal) return ANONYMOUS;
  if (!('kind' in principal)) return keyActor(principal);
  if (principal.kind === 'key') return keyActor(principal);
  return { kind: 'user', id: principal.userId, name: principal.username, departmentUscc: principal.departmentUscc };
}

/**
 * The operator of a CLI run: the OS user (the one who ran sudo, when sudo was used) at this host.
 * The CLI needs the database and the master key, so whoever runs it is an administrator of the
 * platform: the OS account is the accountable identity.
 */
export function cliActor(env: NodeJS.ProcessEnv = process.env): AuditActor {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = env.USER ?? env.LOGNAME ?? 'unknown';
  }
  const host = hostname();
  const sudoUser = env.SUDO_USER && env.SUDO_USER !== user ? env.SUDO_USER : undefined;
  if (sudoUser) return { kind: 'cli', id: sudoUser, name: `${sudoUser}@${host}（sudo 为 ${user}）`, departmentUscc: null };
  return { kind: 'cli', id: user, name: `${user}@${host}`, departmentUscc: null };
}
