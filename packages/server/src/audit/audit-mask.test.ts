import { describe, expect, it } from 'vitest';
import { REDACTED, auditText, maskPersonalText, scrubDetails } from './audit-mask';

describe('audit masking (invariant 5: no full personal ID number in the trail)', () => {
  it.each([
    ['18-digit resident ID in a URL', '/subjects?q=410402199001011234', '/subjects?q=4104**********1234'],
    ['check character X', '证件 41040219900101123X 已核查', '证件 4104**********123X 已核查'],
    ['15-digit first-generation ID', 'id=410402900101123', 'id=4*************3'],
    ['mobile number', '电话13812345678', '电话138****5678'],
    ['a USCC stays (letters in it)', '91410402MA9G12340K', '91410402MA9G12340K'],
    ['longer digit runs stay (not an ID)', '12345678901234567890', '12345678901234567890'],
  ])('%s', (_case, input, expected) => {
    expect(maskPersonalText(input)).toBe(expected);
  });

  it('masks by key name, drops credentials, keeps the rest', () => {
    expect(
      scrubDetails({
        username: 'wang',
        password: 'Secret-2024!',
        newPassword: 'x',
        totp: '123456',
        csrfToken: 't',
        idNumber: 'G12345678',
        证件号码: '410402199001011234',
        phone: '13812345678',
        nested: { list: ['410402199001011234', 3], file: Buffer.from('x') },
      }),
    ).toEqual({
      username: 'wang',
      password: REDACTED,
      newPassword: REDACTED,
      totp: REDACTED,
      csrfToken: REDACTED,
      idNumber: 'G*******8',
      证件号码: '4104**********1234',
      phone: '138****5678',
      nested: { list: ['4104**********1234', 3], file: '[二进制数据]' },
    });
  });

  it('cuts long texts and lists', () => {
    expect(auditText('x'.repeat(600))).toHaveLength(500);
    const { list } = scrubDetails({ list: Array.from({ length: 60 }, (_, i) => i) }) as { list: unknown[] };
    expect(list).toHaveLength(51);
    expect(list[50]).toBe('…共 60 项');
  });
});
