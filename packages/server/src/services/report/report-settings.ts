import type { SigningKey } from './signing-key';

/** What issuing reports needs beyond the database: where the portal is, and the signing key. */
export interface ReportSettings {
  /** Public base URL of the portal, no trailing slash (PUBCREDIT_PUBLIC_URL). */
  publicUrl: string;
  signingKey: SigningKey;
}
