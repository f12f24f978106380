import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { currentStaff } from '../plugins/auth.plugin';
import { presentUser } from '../presenters/user.presenter';
import { errorResponses } from '../schemas/common.schema';
import {
  CreateUserBodySchema,
  UpdateUserBodySchema,
  UserListSchema,
  UserParamsSchema,
  UserSchema,
  UserWithPasswordSchema,
} from '../schemas/user.schema';
import { departmentNames } from '../services/department.service';
import { createUser, listAllUsers, resetUserPassword, updateUserAccount } from '../services/user.service';

const ADMIN = { staff: ['platform_admin'] } as const;

export const userRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users',
    {
      config: { access: ADMIN },
      schema: { tags: ['users'], summary: '工作人员账号', response: { 200: UserListSchema, ...errorResponses(401, 403) } },
    },
    async () => {
      const [users, deptName] = await Promise.all([listAllUsers(ctx), departmentNames(ctx)]);
      return { users: users.map((u) => presentUser(u, deptName)) };
    },
  );

  app.post(
    '/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '新建账号；返回一次性初始密码（只显示这一次，首次登录须修改）',
        body: CreateUserBodySchema,
        response: { 201: UserWithPasswordSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user, password } = await createUser(ctx, request.body);
      return reply.code(201).send({ user: presentUser(user, await departmentNames(ctx)), password });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '修改账号：角色、部门、姓名、停用/启用、清除动态口令',
        params: UserParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => presentUser(await updateUserAccount(ctx, request.params.id, request.body, currentStaff(request).principal.userId), await departmentNames(ctx)),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['users'],
        summary: '重置密码：生成新的一次性密码，解除锁定，结束该账号的所有会话',
        params: UserParamsSchema,
        response: { 200: UserWithPasswordSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { user, password } = await resetUserPassword(ctx, request.params.id, currentStaff(request).principal.userId);
      return { user: presentUser(user, await departmentNames(ctx)), password };
    },
  );
};
