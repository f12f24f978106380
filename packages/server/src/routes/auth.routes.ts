import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { clearSessionCookie, clientInfo, currentStaff, setSessionCookie } from '../plugins/auth.plugin';
import { ALL_STAFF } from '../plugins/route-access';
import { presentSessionUser } from '../presenters/user.presenter';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  OkSchema,
  SessionSchema,
  TotpConfirmBodySchema,
  TotpSetupBodySchema,
  TotpSetupSchema,
} from '../schemas/auth.schema';
import { errorResponses } from '../schemas/common.schema';
import { SessionUserSchema } from '../schemas/user.schema';
import { changeOwnPassword, confirmTotp, setUpTotp } from '../services/auth/account.service';
import { login } from '../services/auth/login.service';
import { csrfTokenFor, endSession } from '../services/auth/session.service';
import { departmentNames } from '../services/department.service';
import { findUser } from '../services/user.service';

/** Auth bodies are small: a tighter limit than the API's default. */
const AUTH_BODY_LIMIT = 16 * 1024;

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; cookieSecure: boolean }> = async (app, { ctx, cookieSecure }) => {
  const settings = { cookieSecure };

  app.post(
    '/auth/login',
    {
      config: { access: 'public', throttle: 'login' },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '登录（密码，及已启用时的动态口令）；成功时设置会话 Cookie',
        description:
          '连续 5 次失败后账号锁定 1、2、4……分钟（最长 1 小时）。已启用动态口令而未提供时答 401 TOTP_REQUIRED，再带 totp 重新提交。',
        body: LoginBodySchema,
        response: { 200: SessionSchema, ...errorResponses(400, 401, 403, 413, 423, 429) },
      },
    },
    async (request, reply) => {
      const { user, tokens } = await login(ctx, request.body, clientInfo(request));
      setSessionCookie(request, reply, tokens, settings);
      return { user: presentSessionUser(user, await departmentNames(ctx)), csrfToken: tokens.csrfToken, expiresAt: tokens.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { staff: ALL_STAFF }, beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: OkSchema, ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      const { session } = currentStaff(request);
      await endSession(ctx, session.token);
      clearSessionCookie(request, reply, settings);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: { staff: ALL_STAFF }, beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '当前登录的用户与 CSRF 令牌', response: { 200: SessionSchema, ...errorResponses(401) } },
    },
    async (request) => {
      const { principal, session } = currentStaff(request);
      const user = await findUser(ctx, principal.userId);
      return { user: presentSessionUser(user, await departmentNames(ctx)), csrfToken: csrfTokenFor(session.token), expiresAt: session.session.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: { staff: ALL_STAFF }, beforePasswordChange: true },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码（含首次登录修改初始密码）；其他会话全部失效，并换发新的会话',
        body: ChangePasswordBodySchema,
        response: { 200: SessionSchema, ...errorResponses(400, 401, 403, 422, 423) },
      },
    },
    async (request, reply) => {
      const { principal, session } = currentStaff(request);
      const { user, tokens } = await changeOwnPassword(ctx, principal.userId, session.token, request.body, clientInfo(request));
      setSessionCookie(request, reply, tokens, settings);
      return { user: presentSessionUser(user, await departmentNames(ctx)), csrfToken: tokens.csrfToken, expiresAt: tokens.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { access: { staff: ALL_STAFF } },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '设置动态口令（第一步）：验证密码后生成密钥，确认前不生效',
        body: TotpSetupBodySchema,
        response: { 200: TotpSetupSchema, ...errorResponses(400, 401, 403, 409, 423) },
      },
    },
    async (request) => setUpTotp(ctx, currentStaff(request).principal.userId, request.body.password),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { access: { staff: ALL_STAFF } },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: '设置动态口令（第二步）：输入身份验证器显示的口令后启用',
        body: TotpConfirmBodySchema,
        response: { 200: SessionUserSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => presentSessionUser(await confirmTotp(ctx, currentStaff(request).principal.userId, request.body.code), await departmentNames(ctx)),
  );
};
