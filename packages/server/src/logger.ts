import { maskPersonalNumbers } from '@pubcredit/domain';
import pino from 'pino';
import type { LogLevel } from './config';

/** Paths pino blanks out: credentials must never reach a log. */
export const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'];

// A client may still put an ID or mobile number in a URL; it must not reach the log (invariant 5).
const ID_NUMBER_IN_URL = /(\d{4})\d{10}(\d{3}[\dXx])/g;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replaceAll('+', ' '));
  } catch {
    return url;
  }
}

/**
 * The URL as logged: any 18-character ID number masked; when the decoded URL holds another
 * personal number (a 15-digit ID, a mobile, or one next to percent-encoded text), that decoded URL
 * with every personal number masked.
 * @example maskUrl('/api/v1/subjects?q=13812345678') // '/api/v1/subjects?q=138****5678'
 */
export function maskUrl(url: string): string {
  const text = decoded(url);
  const masked = maskPersonalNumbers(text);
  // Any 18-digit run is masked as well, even one the text masking leaves (a code of ID shape).
  return (masked === text ? url : masked).replace(ID_NUMBER_IN_URL, '$1**********$2');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
}

/** Requests are logged by method, masked URL and route only: no headers, no bodies. */
function requestSerializer(req: LoggedRequest): Record<string, unknown> {
  return { method: req.method, url: maskUrl(req.url ?? ''), route: req.routeOptions?.url, remoteAddress: req.ip };
}

/** The one logger factory: JSON to stdout (server) or stderr (CLI), secrets redacted. */
export function createLogger(level: LogLevel, destination: 1 | 2 = 1): pino.Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { req: requestSerializer, err: pino.stdSerializers.err },
    },
    pino.destination(destination),
  );
}
