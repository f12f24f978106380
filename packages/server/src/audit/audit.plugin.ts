import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditOutcome } from '@pubcredit/db';
import type { AppContext } from '../context';
import { actorOf } from './audit-actor';
import type { AuditActor } from './audit-actor';
import { AuditQueue } from './audit-queue';
import type { AuditRecord } from './audit.service';

/** What a route is called in the trail; `false` keeps a route out of it (see {@link KNOWN_ACTIONS}). */
export interface RouteAudit {
  /** e.g. 'batch.upload'; default `${method} ${route url}`. */
  action: string;
  /** Why the route is called, when the caller gives no X-Purpose header. */
  purpose?: string;
}

/** What a handler may add to its request's entry (see {@link noteAudit}). */
export interface AuditNote {
  target?: string;
  details?: Record<string, unknown>;
  /** Facts the plugin gathers itself: uploaded file names, the created id, the error code. */
  gathered?: Record<string, unknown>;
  /** Who signed in, for a login (a public route: no principal) that succeeded. */
  signedIn?: AuditActor;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the audit trail names this route; false: not recorded. */
    audit?: RouteAudit | false;
  }
  interface FastifyRequest {
    auditNote: AuditNote | null;
  }
  interface FastifyInstance {
    /** Resolves once the entries of the requests answered so far are written (tests, shutdown). */
    flushAudit(): Promise<void>;
  }
}

/**
 * Names of the routes that declare none themselves, by `METHOD url`. A route's own
 * `config.audit` wins. The session check only reads the caller's own session: not recorded.
 */
export const KNOWN_ACTIONS: Readonly<Record<string, RouteAudit | false>> = {
  'POST /api/v1/auth/login': { action: 'auth.login', purpose: '登录控制台' },
  'POST /api/v1/auth/logout': { action: 'auth.logout', purpose: '退出登录' },
  'GET /api/v1/auth/session': false,
  'POST /api/v1/auth/password': { action: 'auth.password.change', purpose: '修改本人密码' },
  'POST /api/v1/auth/totp/setup': { action: 'auth.totp.setup', purpose: '设置本人动态口令' },
  'POST /api/v1/auth/totp/confirm': { action: 'auth.totp.confirm', purpose: '启用本人动态口令' },
  'GET /api/v1/users': { action: 'user.list', purpose: '账号管理：查看工作人员账号' },
  'POST /api/v1/users': { action: 'user.create', purpose: '账号管理：新建工作人员账号' },
  'PATCH /api/v1/users/:id': { action: 'user.update', purpose: '账号管理：修改账号的角色、部门或状态' },
  'POST /api/v1/users/:id/reset-password': { action: 'user.password.reset', purpose: '账号管理：重置密码（忘记密码或账号交接）' },
  'GET /api/v1/departments': { action: 'department.list', purpose: '部门管理：查看信源部门' },
  'POST /api/v1/departments': { action: 'department.create', purpose: '部门管理：登记信源部门' },
  'GET /api/v1/apikeys': { action: 'apikey.list', purpose: '密钥管理：查看 API 密钥' },
  'POST /api/v1/apikeys': { action: 'apikey.create', purpose: '密钥管理：为部门或系统开通 API 密钥' },
  'POST /api/v1/apikeys/:id/revoke': { action: 'apikey.revoke', purpose: '密钥管理：吊销 API 密钥' },
  'POST /api/v1/batches': { action: 'batch.upload', purpose: '信用信息归集：部门上报数据' },
  'GET /api/v1/batches': { action: 'batch.list', purpose: '信用信息归集：查看报送批次' },
  'GET /api/v1/batches/:id': { action: 'batch.read', purpose: '信用信息归集：查看批次结果' },
  'GET /api/v1/batches/:id/issues': { action: 'batch.issues.read', purpose: '信用信息归集：查看批次的问题明细' },
  'GET /api/v1/batches/:id/rejected.csv': { action: 'batch.rejected.download', purpose: '信用信息归集：下载退回数据，修改后重新上报' },
  'GET /api/v1/batches/:id/rejected.xlsx': { action: 'batch.rejected.download', purpose: '信用信息归集：下载退回数据，修改后重新上报' },
};

const READS = new Set(['GET', 'HEAD']);
const MAX_PEEK_BYTES = 64 * 1024;

/**
 * How the trail names this request, or undefined when it is not recorded: every change (any
 * method but GET, HEAD, OPTIONS) and every read of a route that is not public. Routes of external
 * plugins (docs, static files, 404) declare no access and are not recorded.
 */
export function auditSpec(method: string, url: string | undefined, config: FastifyRequest['routeOptions']['config']): RouteAudit | undefined {
  if (config.access === undefined || url === undefined || method === 'OPTIONS') return undefined;
  if (READS.has(method) && config.access === 'public') return undefined;
  const declared = config.audit ?? KNOWN_ACTIONS[`${method === 'HEAD' ? 'GET' : method} ${url}`];
  if (declared === false) return undefined;
  return declared ?? { action: `${method} ${url}` };
}

/** Adds a target or details to the entry of this request (call from a handler). */
export function noteAudit(request: FastifyRequest, note: Pick<AuditNote, 'target' | 'details'>): void {
  const current = (request.auditNote ??= {});
  if (note.target !== undefined) current.target = note.target;
  if (note.details) current.details = { ...current.details, ...note.details };
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'success';
  // Refused: not signed in, not allowed, locked, or over the rate limit.
  return [401, 403, 423, 429].includes(status) ? 'denied' : 'error';
}

function headerText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  // HTTP headers arrive as Latin-1: reinterpret raw UTF-8 bytes, then undo percent-encoding.
  let decoded = text;
  if (/[\u0080-\u00ff]/.test(text) && [...text].every((ch) => ch.charCodeAt(0) <= 0xff)) {
    const utf8 = Buffer.from(text, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) decoded = utf8;
  }
  if (/%[0-9a-f]{2}/i.test(decoded)) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // not percent-encoding after all: keep the text as sent
    }
  }
  return decoded.trim() || undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}

/** The facts of a request worth keeping: route, parameters, query, body fields (scrubbed later). */
function requestDetails(request: FastifyRequest): Record<string, unknown> {
  const details: Record<string, unknown> = { method: request.method, route: request.routeOptions.url };
  if (!isEmpty(request.params)) details.params = request.params;
  if (!isEmpty(request.query)) details.query = request.query;
  const body = request.body;
  if (!READS.has(request.method) && typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !isEmpty(body)) {
    details.body = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Buffer.isBuffer(v) ? '[文件]' : v]));
  }
  return { ...details, ...request.auditNote?.gathered, ...request.auditNote?.details };
}

/** The created id of a change, or the error code of a failure, from a JSON answer. */
function peekAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
  // A successful read adds nothing: leave its (possibly large) answer unparsed.
  if (READS.has(request.method) && reply.statusCode < 400) return;
  const type = String(reply.getHeader('content-type') ?? '');
  if (typeof payload !== 'string' || payload.length > MAX_PEEK_BYTES || !type.includes('json')) return;
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return;
  }
  if (typeof body !== 'object' || body === null) return;
  const answer = body as Record<string, unknown>;
  const gathered = ((request.auditNote ??= {}).gathered ??= {});
  if (reply.statusCode >= 400 && typeof answer.code === 'string') gathered.error = answer.code;
  else if (!READS.has(request.method)) {
    // Only identifiers: a created API key's secret, for one, must never reach the trail.
    for (const key of ['id', 'batchId'] as const) if (typeof answer[key] === 'string') gathered[key] = answer[key];
    const user = answer.user as { id?: unknown; username?: unknown; departmentUscc?: unknown } | undefined;
    if (!request.principal && reply.statusCode < 400 && typeof user?.id === 'string' && typeof user.username === 'string') {
      // A login answers with the user it signed in: the entry names them rather than "anonymous".
      const departmentUscc = typeof user.departmentUscc === 'string' ? user.departmentUscc : null;
      (request.auditNote ??= {}).signedIn = { kind: 'user', id: user.id, name: user.username, departmentUscc };
    }
  }
}

/**
 * What a request acted on: the handler's note, else for a creation that succeeded the new resource
 * (`/api/v1/users/<id>`, `/api/v1/batches/<batchId>`: searchable by its id), else the path.
 */
function targetOf(request: FastifyRequest, reply: FastifyReply, path: string): string {
  const { auditNote } = request;
  if (auditNote?.target) return auditNote.target;
  const created = auditNote?.gathered?.id ?? auditNote?.gathered?.batchId;
  if (request.method === 'POST' && reply.statusCode < 300 && typeof created === 'string' && request.routeOptions.url === path) {
    return `${path}/${created}`;
  }
  return path;
}

/** The entry of an answered request. */
export function auditRecordOf(request: FastifyRequest, reply: FastifyReply, spec: RouteAudit): AuditRecord {
  const path = request.url.split('?')[0] ?? request.url;
  return {
    actor: request.principal ? actorOf(request.principal) : (request.auditNote?.signedIn ?? actorOf(null)),
    action: spec.action,
    target: targetOf(request, reply, path),
    purpose: headerText(request.headers['x-purpose']) ?? spec.purpose ?? null,
    client: { ip: request.ip || null, userAgent: headerText(request.headers['user-agent']) ?? null },
    outcome: outcomeOf(reply.statusCode),
    status: reply.statusCode,
    details: requestDetails(request),
  };
}

/** The answer to a read whose audit entry could not be written. */
const AUDIT_UNAVAILABLE = JSON.stringify({
  code: 'AUDIT_UNAVAILABLE',
  message: '审计日志暂时无法写入：为保护数据，本次查询结果不予返回；请稍后重试，或联系平台管理员',
});

const ignore = (): void => {};

/** Stops a streamed answer (a download) that will not be sent. */
function discard(payload: unknown): void {
  if (payload instanceof Readable) payload.destroy();
}

/** How often a spool left by a database outage is retried when no request comes to replay it. */
export const SPOOL_RETRY_MS = 15_000;

/**
 * The audit trail of the HTTP API (invariant 5): who (the principal), when, what (the route's
 * action), why (X-Purpose), from where (address, browser) and how it ended (status) for every
 * change and every read of non-public data. Each entry is written before its answer leaves
 * (grouped with concurrent ones, AuditQueue). A successful read whose entry cannot be written is
 * not answered (503 AUDIT_UNAVAILABLE, fail closed): nobody reads non-public data unrecorded. A
 * change is already committed by then: its entry goes to the spool (fsynced; replayed into the
 * chain once the database accepts writes) and its answer goes out; so does a refusal's.
 */
export function registerAudit(app: FastifyInstance, ctx: AppContext, opts: { retryMs?: number } = {}): void {
  const queue = new AuditQueue(ctx);
  app.decorateRequest('auditNote', null);
  app.decorate('flushAudit', () => queue.flush());
  // A spool left at start-up (or by an outage with no traffic since) is replayed without waiting for a request.
  const retry = ctx.auditSpool ? setInterval(() => queue.retry(), opts.retryMs ?? SPOOL_RETRY_MS).unref() : undefined;

  app.addHook('preHandler', async (request) => {
    // Uploaded files are gone once the answer is sent: note their names now.
    if (request.uploads?.length) {
      const gathered = ((request.auditNote ??= {}).gathered ??= {});
      gathered.files = request.uploads.map((u) => u.fileName);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const spec = auditSpec(request.method, request.routeOptions.url, request.routeOptions.config);
    if (!spec) return payload;
    peekAnswer(request, reply, payload);
    // A download already flows from its source while the entry is written; an error it raises
    // meanwhile must not crash the process for want of a listener (fastify listens once it sends).
    const stream = payload instanceof Readable ? payload : undefined;
    stream?.on('error', ignore);
    // Changes are committed and refusals disclose nothing: their answers go out whatever happens.
    const goesOut = !READS.has(request.method) || reply.statusCode >= 400;
    try {
      await queue.add(auditRecordOf(request, reply, spec), { spool: goesOut });
    } catch {
      // Logged by the queue (at error level: neither written nor spooled).
      if (goesOut) return payload;
      discard(payload);
      reply.removeHeader('content-disposition');
      reply.code(503).type('application/json; charset=utf-8');
      return AUDIT_UNAVAILABLE;
    } finally {
      stream?.off('error', ignore);
    }
    return payload;
  });
  app.addHook('onClose', async () => {
    clearInterval(retry);
    await queue.flush();
  });
}
