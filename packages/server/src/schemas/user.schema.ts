import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ROLES, USERNAME_MAX } from '@pubcredit/domain';
import { DateTime, NullableString } from './common.schema';

export const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: '角色：platform_admin 平台管理员、credit_officer 信用中心业务员、dept_reporter 部门填报员、dept_reviewer 部门审核员、auditor 审计员' },
);

/** The signed-in member as the session shows it. */
export const SessionUserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String({ description: '姓名' }),
  role: RoleSchema,
  roleName: Type.String({ description: '角色中文名' }),
  departmentUscc: NullableString('所属部门（部门角色）'),
  departmentName: NullableString('所属部门名称（部门角色；部门未登记时为 null）'),
  mustChangePassword: Type.Boolean({ description: '须先修改初始密码' }),
  totpEnabled: Type.Boolean({ description: '已启用动态口令' }),
});
export type SessionUserBody = Static<typeof SessionUserSchema>;

/** An account as the administrator lists it; never a hash or a secret. */
export const UserSchema = Type.Composite([
  SessionUserSchema,
  Type.Object({
    disabled: Type.Boolean(),
    lockedUntil: Type.Union([DateTime(), Type.Null()], { description: '锁定截止时间' }),
    createdAt: DateTime(),
    lastLoginAt: Type.Union([DateTime(), Type.Null()]),
  }),
]);
export type UserBody = Static<typeof UserSchema>;

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) });

export const UserParamsSchema = Type.Object({ id: Type.String({ format: 'uuid', description: '用户编号' }) });

export const CreateUserBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: USERNAME_MAX * 2, description: '登录名' }),
    displayName: Type.Optional(Type.String({ maxLength: 64, description: '姓名' })),
    role: Type.String({ minLength: 1, maxLength: 32, description: '角色代码或中文名' }),
    departmentUscc: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()], { description: '部门角色必填' })),
  },
  { additionalProperties: false },
);

export const UpdateUserBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    role: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: '角色代码或中文名' })),
    departmentUscc: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean({ description: 'true 停用，false 启用' })),
    resetTotp: Type.Optional(Type.Boolean({ description: 'true：清除动态口令（更换手机后重新设置）' })),
  },
  { additionalProperties: false },
);

export const UserWithPasswordSchema = Type.Object({
  user: UserSchema,
  password: Type.String({ description: '一次性初始密码，只显示这一次；首次登录须修改' }),
});
