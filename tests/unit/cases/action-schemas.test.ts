import { parseConsumerAction, parseStaffAction, staffActions } from '../../../functions/domain/cases/action-schemas';
import { ValidationError } from '../../../functions/domain/errors';

const issuesOf = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a 400');
};
const paths = (parse: () => unknown) => issuesOf(parse).map((issue) => issue.path).sort();

/** A valid body for every staff action, as a client would send it. */
const validBodies: Record<string, Record<string, unknown>> = {
  accept: {},
  refuse: { reason: 'not_consumer' },
  claim: {},
  note: { text: '已电话联系消费者' },
  propose_offer: { amountFen: 50000, terms: '退款 500 元' },
  record_agreement: { refundFen: 129900 },
  end_unresolved: {},
  flag_collective: { text: '同一商家本月第 6 起' },
  follow_up: { text: '回访：满意' },
  respond: { text: '已安排售后' },
  make_offer: { amountFen: 0, terms: '免费维修' },
  decline: {},
  object_disclosure: { text: '已与消费者和解' },
  withhold_disclosure: {},
  publish_disclosure: {},
  approve_payout: { amountFen: 129900 },
  reject_payout: { text: '不符合先行赔付条件' },
  record_payment: { amountFen: 129900, reference: 'ICBC-20261012-0001' },
  record_recovery: { amountFen: 129900, reference: 'ICBC-20261030-0007' },
};

describe('staff action bodies', () => {
  it('has a valid example for every staff action', () => {
    expect(Object.keys(validBodies).sort()).toEqual([...staffActions].sort());
  });

  it.each(Object.entries(validBodies))('accepts %s with its own fields', (action, fields) => {
    expect(parseStaffAction({ action, expectedVersion: 3, ...fields }, 'en')).toEqual({ action, expectedVersion: 3, fields });
  });

  it.each(Object.entries(validBodies))('refuses %s with a field it does not take', (action, fields) => {
    expect(paths(() => parseStaffAction({ action, expectedVersion: 3, ...fields, colour: 'red' }, 'en'))).toEqual(['colour']);
  });

  it('requires expectedVersion, a positive whole number', () => {
    expect(paths(() => parseStaffAction({ action: 'claim' }, 'en'))).toEqual(['expectedVersion']);
    expect(paths(() => parseStaffAction({ action: 'claim', expectedVersion: 0 }, 'en'))).toEqual(['expectedVersion']);
    expect(paths(() => parseStaffAction({ action: 'claim', expectedVersion: '2' }, 'en'))).toEqual(['expectedVersion']);
  });

  it('names every bad field at once', () => {
    expect(paths(() => parseStaffAction({ action: 'make_offer', expectedVersion: 1.5, amountFen: -1, terms: '   ' }, 'en'))).toEqual(['amountFen', 'expectedVersion', 'terms']);
  });

  it('speaks the caller\'s language', () => {
    expect(issuesOf(() => parseStaffAction({ action: 'note', expectedVersion: 1 }, 'zh-CN'))).toEqual([{ path: 'text', message: '此项必填' }]);
  });

  it('refuses consumer and system actions and a missing body, pointing at `action`', () => {
    for (const body of [{ action: 'withdraw', expectedVersion: 1 }, { action: 'odr_timeout', expectedVersion: 1 }, undefined]) {
      expect(paths(() => parseStaffAction(body, 'en'))).toEqual(['action']);
    }
  });

  it('takes only the refusal reason codes', () => {
    expect(paths(() => parseStaffAction({ action: 'refuse', expectedVersion: 1, reason: 'too_busy' }, 'en'))).toEqual(['reason']);
  });

  it('wants an agreement to give the consumer something', () => {
    expect(paths(() => parseStaffAction({ action: 'record_agreement', expectedVersion: 1, refundFen: 0, exchange: false }, 'en'))).toEqual(['refundFen']);
    expect(parseStaffAction({ action: 'record_agreement', expectedVersion: 1, apology: true }, 'en').fields).toEqual({ apology: true });
  });
});

describe('consumer action bodies', () => {
  it('takes expectedVersion as optional', () => {
    expect(parseConsumerAction({ action: 'withdraw' }, 'en')).toEqual({ action: 'withdraw', fields: {} });
    expect(parseConsumerAction({ action: 'accept_offer', expectedVersion: 4 }, 'en')).toEqual({ action: 'accept_offer', expectedVersion: 4, fields: {} });
  });

  it('rates 1 to 5 in whole stars, with an optional comment', () => {
    expect(parseConsumerAction({ action: 'rate', rating: 5, comment: '很满意' }, 'en').fields).toEqual({ rating: 5, comment: '很满意' });
    for (const rating of [0, 6, 4.5, '5']) expect(paths(() => parseConsumerAction({ action: 'rate', rating }, 'en'))).toEqual(['rating']);
  });

  it('refuses staff actions', () => {
    expect(paths(() => parseConsumerAction({ action: 'claim' }, 'en'))).toEqual(['action']);
  });
});
