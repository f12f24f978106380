import { Type } from '@sinclair/typebox';
import { USERNAME_MAX } from '@pubcredit/domain';
import { SessionUserSchema } from './user.schema';

// Passwords longer than the policy allows are refused by the service as a failed login; the
// schema only keeps absurd bodies out (argon2 on megabytes).
const PasswordField = (description: string) => Type.String({ minLength: 1, maxLength: 1024, description });

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: USERNAME_MAX * 2 }),
    password: PasswordField('密码'),
    totp: Type.Optional(Type.String({ maxLength: 16, description: '动态口令（已启用时必填）' })),
  },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  user: SessionUserSchema,
  csrfToken: Type.String({ description: '修改类请求（POST/PATCH/PUT/DELETE）须在请求头 X-CSRF-Token 中带上' }),
  expiresAt: Type.String({ format: 'date-time', description: '最迟到此时须重新登录（另有 30 分钟无操作超时）' }),
});

export const ChangePasswordBodySchema = Type.Object(
  { current: PasswordField('当前密码'), next: PasswordField('新密码：至少 12 位，含大写字母、小写字母、数字、符号中的 3 类，不含用户名') },
  { additionalProperties: false },
);

export const TotpSetupBodySchema = Type.Object({ password: PasswordField('当前密码') }, { additionalProperties: false });

export const TotpSetupSchema = Type.Object({
  secret: Type.String({ description: 'Base32 密钥（手动输入用）' }),
  uri: Type.String({ description: 'otpauth:// 地址（生成二维码供身份验证器扫描）' }),
});

export const TotpConfirmBodySchema = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 16, description: '身份验证器显示的 6 位数字' }) },
  { additionalProperties: false },
);

export const OkSchema = Type.Object({ ok: Type.Literal(true) });
