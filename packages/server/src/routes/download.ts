import type { FastifyReply } from 'fastify';
import { EXPORT_CONTENT_TYPES } from '../services/export/table-export';
import type { ExportFile, ExportFormat } from '../services/export/table-export';

/** Sends a file download; the Chinese name goes in filename* (RFC 6266 / 5987), the ASCII one in filename. */
export function sendDownload(reply: FastifyReply, file: ExportFile, format: ExportFormat): FastifyReply {
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(EXPORT_CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}
