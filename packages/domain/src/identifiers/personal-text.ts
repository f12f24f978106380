import { maskIdNumbersInText, maskPhone } from './mask';
import { checkResidentId } from './resident-id';
import { checkUscc } from './uscc';

/** A mainland mobile number (ASCII or full-width digits) not part of a longer number. */
const MOBILE = /(?<![0-9\uFF10-\uFF19])[1\uFF11][3-9\uFF13-\uFF19][0-9\uFF10-\uFF19]{9}(?![0-9\uFF10-\uFF19])/g;

const toHalfWidth = (text: string): string => text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A valid 统一社会信用代码 of digits only is public, unless it is also a valid ID number. */
function isPublicCode(token: string): boolean {
  return token.length === 18 && checkUscc(token).valid && !checkResidentId(token).valid;
}

/**
 * Masks every personal number inside a free text (invariant 5): ID numbers of either generation,
 * with or without a correct check digit, full-width or split by spaces (`maskIdNumbersInText`), and
 * mobile numbers (first 3 and last 4 digits stay). Public 统一社会信用代码 stay as they are.
 * @example maskPersonalNumbers('当事人（身份证410402199001011231）电话13812345678') // '当事人（身份证4104**********1231）电话138****5678'
 */
export function maskPersonalNumbers(text: string): string {
  return maskIdNumbersInText(text, isPublicCode).replace(MOBILE, (mobile) => {
    const masked = maskPhone(toHalfWidth(mobile));
    // Same length, so the width the department typed is kept where a digit stays.
    return [...mobile].map((ch, i) => (masked[i] === '*' ? '*' : ch)).join('');
  });
}
