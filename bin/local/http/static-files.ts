import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/** The web pages the local stack serves next to the API: files under one folder, nothing outside it. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names under `root` (`/` and folders -> `index.html`),
 * or `undefined` when it would leave `root`, is malformed, or does not exist.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = path.resolve(root);
  let file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== base && !file.startsWith(`${base}${path.sep}`)) return undefined;
  try {
    let stat = await fs.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.stat(file);
    }
    // A symlink pointing out of the folder is refused like `..` would be.
    const real = await fs.realpath(file);
    const realBase = await fs.realpath(base);
    if (!real.startsWith(`${realBase}${path.sep}`)) return undefined;
    return stat.isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export async function sendStaticFile(response: ServerResponse, file: string, headOnly: boolean): Promise<void> {
  const stat = await fs.stat(file);
  response.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': stat.size,
    // Rebuilt on every start; always revalidate.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (headOnly) {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
  });
}
