/** Blank modules around a QR code: the minimum ISO/IEC 18004 asks for, so phone scanners find it on any background. */
export const QR_QUIET_ZONE = 4;
