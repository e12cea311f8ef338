import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { documentDb } from '../../../functions/store/client';
import { validComplaint } from '../../fixtures/complaints';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { call } from '../../support/http';

let stack: TestStack;
beforeAll(async () => {
  // Intake alone: no router, so a case stays exactly as filed (routing has its own tests).
  stack = await startTestStack({ streamConsumers: [] });
});
afterAll(() => stack?.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.baseUrl}/v1/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** The consumer's view; `from` is the client address (see `tests/support/http.ts`). */
const view = (caseId: string, accessCode?: string, from?: string) =>
  call(stack, 'GET', `/v1/complaints/${encodeURIComponent(caseId)}`, { headers: accessCode ? { 'X-Access-Code': accessCode } : {}, ...(from ? { from } : {}) });

async function tableItems() {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await documentDb().send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const casesFor = async (caseId: string) => (await tableItems()).filter((i) => i.entity === 'case' && i.caseId === caseId);

describe('filing and tracking a complaint', () => {
  it('files a complaint, and the consumer tracks it with the access code', async () => {
    const filed = await post(validComplaint());
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      caseId: expect.stringMatching(/^HN\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      accessCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      // Routed in the filing's own write: the answer already says where the case went and by when.
      status: 'accepted',
      deadline: expect.objectContaining({ kind: 'mediation', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    });

    const tracked = await view(filed.body.caseId, filed.body.accessCode);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      caseId: filed.body.caseId,
      version: 2,
      status: 'accepted',
      step: 'mediation',
      deadline: filed.body.deadline,
      merchant: { name: '郑州某某电器有限公司' },
      timeline: [
        { seq: 1, actor: 'consumer', type: 'filed', status: 'received' },
        { seq: 2, actor: 'system', type: 'route_accept', status: 'accepted', step: 'mediation' },
      ],
    });
    expect(Object.keys(tracked.body.timeline[0]).sort()).toEqual(['actor', 'at', 'seq', 'status', 'step', 'type']);
    // The consumer's view carries no secrets and nothing of staff.
    expect(JSON.stringify(tracked.body)).not.toMatch(/accessCode|salt|hash/);
  });

  it('finds the case however the id and code are typed', async () => {
    const filed = await post(validComplaint());
    const sloppyId = filed.body.caseId.toLowerCase().replace(/-/g, '');
    const sloppyCode = filed.body.accessCode.toLowerCase().replace(/-/g, ' ');
    expect((await view(sloppyId, sloppyCode)).status).toBe(200);
  });

  it('stores the access code only as a hash', async () => {
    const filed = await post(validComplaint(), { 'Idempotency-Key': randomUUID() });
    const code = filed.body.accessCode.replace(/-/g, '');
    const everything = JSON.stringify(await tableItems());
    expect(everything).not.toContain(filed.body.accessCode);
    expect(everything).not.toContain(code);
  });
});

describe('wrong access codes', () => {
  it('answer exactly like an unknown case, so existence does not leak', async () => {
    const filed = await post(validComplaint());
    const wrong = await view(filed.body.caseId, 'AAAA-BBBB-CCCC');
    const unknown = await view('HN2611-0000-0000', 'AAAA-BBBB-CCCC');
    const missingCode = await view(filed.body.caseId);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(missingCode.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('are throttled per client after five tries: then even the right code waits, for that client only', async () => {
    const filed = await post(validComplaint());
    const attacker = '127.0.0.21';
    for (let i = 0; i < 5; i++) expect((await view(filed.body.caseId, `WRNG-000${i}-0000`, attacker)).status).toBe(404);
    const blocked = await view(filed.body.caseId, filed.body.accessCode, attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_requests');
    expect(Number(blocked.headers!['retry-after'])).toBeGreaterThan(0);
    // The limit is the client's, for every case id; the consumer elsewhere is not affected.
    const other = await post(validComplaint());
    expect((await view(other.body.caseId, other.body.accessCode, attacker)).status).toBe(429);
    expect((await view(filed.body.caseId, filed.body.accessCode, '127.0.0.22')).status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('makes a retried POST return the first answer and create nothing new', async () => {
    const key = randomUUID();
    const first = await post(validComplaint(), { 'Idempotency-Key': key });
    const retry = await post(validComplaint(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesFor(first.body.caseId)).toHaveLength(1);
  });

  it('files one case when the same request races itself', async () => {
    const key = randomUUID();
    const before = (await tableItems()).filter((i) => i.entity === 'case').length;
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(validComplaint(), { 'Idempotency-Key': key })));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.accessCode)).size).toBe(1);
    expect((await tableItems()).filter((i) => i.entity === 'case').length).toBe(before + 1);
  });

  it('refuses a key reused for a different complaint', async () => {
    const key = randomUUID();
    await post(validComplaint(), { 'Idempotency-Key': key });
    const reused = await post(validComplaint({ description: '另一件事：鞋子开胶了，商家不理。' }), { 'Idempotency-Key': key });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe('idempotency_key_reused');
  });
});

describe('bad requests', () => {
  it('names every bad field in one 400', async () => {
    const answer = await post(validComplaint({ consumer: { name: '张三', phone: '123', regionCode: '999999' }, category: 'spaceships' }), { 'Accept-Language': 'zh-CN' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_input');
    expect(answer.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['category', 'consumer.phone', 'consumer.regionCode']);
    expect(answer.body.issues.find((i: { path: string }) => i.path === 'consumer.phone').message).toBe('请填写 11 位手机号码');
  });

  it('answers 413 over 64 KiB, 415 for non-JSON, 400 for broken JSON', async () => {
    const big = await post(validComplaint({ description: '长'.repeat(30000) }));
    expect(big.status).toBe(413);
    const text = await fetch(`${stack.baseUrl}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: string }).error).toBe('unsupported_media_type');
    const broken = await post('{"consumer": ', {});
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('invalid_json');
  });

  it('never answers 500 to anything a client can send', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ key: fc.constantFrom(...Object.keys(validComplaint())), value: fc.jsonValue() }).map(({ key, value }) => validComplaint({ [key]: value }))), async (body) => {
        const answer = await post(JSON.stringify(body));
        expect([201, 400]).toContain(answer.status);
        if (answer.status === 400) expect(answer.body.issues?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('service endpoints', () => {
  it('reports health and serves the code lists', async () => {
    const health = await fetch(`${stack.baseUrl}/v1/health`);
    expect(health.status).toBe(200);
    const codes = (await (await fetch(`${stack.baseUrl}/v1/codes`)).json()) as Record<string, unknown[]>;
    expect(JSON.stringify(codes)).toContain('电动自行车');
  });
});
