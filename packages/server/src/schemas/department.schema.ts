import { Type } from '@sinclair/typebox';
import { DateTime } from './common.schema';

export const DepartmentSchema = Type.Object({
  uscc: Type.String({ description: '统一社会信用代码' }),
  name: Type.String(),
  createdAt: DateTime(),
});

export const DepartmentListSchema = Type.Object({ departments: Type.Array(DepartmentSchema) });

export const CreateDepartmentBodySchema = Type.Object(
  {
    uscc: Type.String({ minLength: 1, maxLength: 32, description: '部门的统一社会信用代码' }),
    name: Type.String({ minLength: 1, maxLength: 200, description: '部门名称' }),
  },
  { additionalProperties: false },
);
