import { signLocalToken } from '../local/local-jwt';

/**
 * The running stack's HTTP API as an admin uses it: a token made by the
 * same code as `npm run token -- --role admin`, JSON in and out.
 */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class AdminApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async connect(baseUrl: string): Promise<AdminApi> {
    return new AdminApi(baseUrl.replace(/\/$/, ''), await signLocalToken({ role: 'admin' }));
  }

  async send(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Like `send`, but anything but the expected statuses is an error naming the call. */
  async expect(statuses: readonly number[], method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer> {
    const answer = await this.send(method, path, body, headers);
    if (!statuses.includes(answer.status)) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  }

  /**
   * Runs a job to its end. Called again: a job that stopped at its time
   * budget (`more`); an aggregation that found another run (the stack's own
   * schedule) holding the lease (`ran: false`); and a job whose request
   * timed out (5xx) while it runs on behind it. `once`: only until it has
   * started (a rebuild called again would start over; `aggregate` carries
   * an unfinished one on).
   */
  async runJob(job: string, options: { once?: boolean; maxWaitMs?: number } = {}): Promise<Record<string, unknown>[]> {
    const runs: Record<string, unknown>[] = [];
    const giveUpAt = Date.now() + (options.maxWaitMs ?? 30 * 60_000);
    for (;;) {
      const answer = await this.send('POST', `/v1/admin/jobs/${job}`, {});
      if (answer.status !== 200 && answer.status < 500) throw new Error(`POST /v1/admin/jobs/${job} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const runningOn = answer.status !== 200;
      const waiting = answer.body.ran === false;
      runs.push(runningOn ? { job, status: answer.status, runningOn } : answer.body);
      if (options.once && !waiting) return runs;
      if (!(waiting || runningOn || answer.body.more === true) || Date.now() > giveUpAt) return runs;
      if (waiting || runningOn) await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

/** Whether the stack answers at all: the demo fills a running stack and starts none. */
export async function stackAnswers(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl.replace(/\/$/, '')}/v1/health`)).ok;
  } catch {
    return false;
  }
}
