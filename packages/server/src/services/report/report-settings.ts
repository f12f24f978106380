import type { SigningKey, VerifyKey } from './signing-key';

/** What issuing reports needs beyond the database: where the portal is, and the signing key. */
export interface ReportSettings {
  /** Public base URL of the portal, no trailing slash (PUBCREDIT_PUBLIC_URL). */
  publicUrl: string;
  signingKey: SigningKey;
  /** Keys that signed reports before a rotation: they still verify those reports (none by default). */
  retiredKeys?: readonly VerifyKey[];
}
