import http from 'node:http';
import { accessLogBytes } from './log-meter';

export type Json = Record<string, unknown>;
export interface Answer {
  status: number;
  body: Json;
}

/**
 * The bench's HTTP client: counts the requests API Gateway would bill and
 * the access-log bytes they leave. `from` binds a loopback address (any
 * 127.x.y.z on Linux), so per-address limits see different clients.
 */
export function apiClient(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let counted = { requests: 0, accessLogBytes: 0 };

  function send(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string>; from?: string; uncounted?: boolean } = {}): Promise<Answer> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers = {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    };
    return new Promise((resolve, reject) => {
      const request = http.request(`${baseUrl}${path}`, { method, headers, agent, ...(options.from ? { localAddress: options.from } : {}) }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          if (!options.uncounted) {
            counted.requests += 1;
            counted.accessLogBytes += accessLogBytes(method, path.split('?')[0]!, status, raw.length);
          }
          const text = raw.toString('utf8');
          let parsed: Json = {};
          try {
            parsed = text && text.startsWith('{') ? (JSON.parse(text) as Json) : { text };
          } catch {
            parsed = { text };
          }
          resolve({ status, body: parsed });
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  return {
    send,
    read: () => ({ ...counted }),
    reset: () => {
      counted = { requests: 0, accessLogBytes: 0 };
    },
    close: () => agent.destroy(),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** Fails the bench loudly on an answer it did not expect: a figure from a broken run would mislead. */
export function expectStatus(answer: Answer, wanted: number[], what: string): Answer {
  if (!wanted.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
  return answer;
}
