import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Largest accepted upload. */
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

/** A file streamed to disk from a multipart request; deleted when the response is sent. */
export interface UploadedFile {
  path: string;
  fileName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    uploads: UploadedFile[] | null;
  }
}

async function saveToTemp(this: FastifyRequest, part: MultipartFile): Promise<void> {
  // Only the extension of the client's name is used on disk; the name itself may be anything.
  const ext = extname(part.filename).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const path = join(tmpdir(), `pubcredit-upload-${randomUUID()}${ext}`);
  (this.uploads ??= []).push({ path, fileName: part.filename });
  await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
}

async function cleanUp(request: FastifyRequest): Promise<void> {
  const files = request.uploads ?? [];
  request.uploads = null;
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}

/**
 * multipart/form-data: files stream to temp files (never into memory), text fields become the
 * body (so the route's body schema validates them). Temp files go before the response is sent.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  app.decorateRequest('uploads', null);
  // Only upload routes take form data. Elsewhere a form is what a page on another site can post
  // without CORS (e.g. a login into the attacker's account): JSON bodies only.
  app.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) return;
    const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
    if (!consumes.includes('multipart/form-data')) {
      throw Object.assign(new Error('multipart/form-data is accepted only by upload routes'), {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        statusCode: 415,
      });
    }
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: saveToTemp,
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20, parts: 30 },
  });
  // onSend: the handler is done with the file before the client sees the answer; onResponse
  // catches responses that skip onSend (a failed serialisation).
  app.addHook('onSend', async (request, _reply, payload) => {
    await cleanUp(request);
    return payload;
  });
  app.addHook('onResponse', cleanUp);
  app.addHook('onRequestAbort', cleanUp);
}
