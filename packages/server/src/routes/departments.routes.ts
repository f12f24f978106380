import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Department } from '@pubcredit/db';
import { noteAudit } from '../audit/audit.plugin';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas/common.schema';
import { CreateDepartmentBodySchema, DepartmentListSchema, DepartmentSchema } from '../schemas/department.schema';
import { listAllDepartments, registerDepartment } from '../services/department.service';

const present = (d: Department) => ({ uscc: d.uscc, name: d.name, createdAt: d.createdAt.toISOString() });

export const departmentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/departments',
    {
      // The auditor too: to search the trail by department name (the list is public on the portal anyway).
      config: { access: { staff: ['platform_admin', 'credit_officer', 'auditor'] } },
      schema: { tags: ['departments'], summary: '信源部门', response: { 200: DepartmentListSchema, ...errorResponses(401, 403) } },
    },
    async () => ({ departments: (await listAllDepartments(ctx)).map(present) }),
  );

  app.post(
    '/departments',
    {
      config: { access: { staff: ['platform_admin'] } },
      schema: {
        tags: ['departments'],
        summary: '登记信源部门（校验统一社会信用代码）',
        body: CreateDepartmentBodySchema,
        response: { 201: DepartmentSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const dept = await registerDepartment(ctx, request.body);
      // The new department, by its code (it has no id): the auditor's search by 对象 finds what was done to it.
      noteAudit(request, { target: `/api/v1/departments/${dept.uscc}` });
      return reply.code(201).send(present(dept));
    },
  );
};
