import seed from '../../../seeds/routing-rules.json';
import { evaluateCondition, parseRuleSet, type Condition } from '../../../functions/domain/routing';
import { complaintFacts, merchants, unregisteredMerchant } from './fixtures';

const catchAll = { id: 'mediation_by_region', then: { step: 'mediation' }, reason: { 'zh-CN': '调解', en: 'Mediation' } };
const ruleSet = (rules: unknown[]) => ({ ruleSetId: 'test', version: 2, source: 'unit test', rules });
const rule = (when: unknown, id = 'first') => ({ id, when, then: { step: 'odr' }, reason: { 'zh-CN': '协商', en: 'ODR' } });

describe('routing rule files are validated strictly at load', () => {
  test('the shipped default rule set is valid and in the order of SPEC section 3', () => {
    const parsed = parseRuleSet(seed);
    expect(parsed.rules.map((r) => [r.id, r.then.step])).toEqual([
      ['disclosure_only', 'disclosure'],
      ['advance_payout', 'advance_payout'],
      ['odr_merchant', 'odr'],
      ['mediation_by_region', 'mediation'],
    ]);
  });

  test.each([
    ['an unknown top-level field', { ...ruleSet([catchAll]), author: 'x' }, '(root)'],
    ['an unknown field in a rule', ruleSet([{ ...catchAll, priority: 1 }]), 'rules.0'],
    ['a fact the router does not know', ruleSet([rule({ fact: 'consumer.phone', eq: '13800138000' }), catchAll]), 'rules.0.when.fact'],
    ['a property walk instead of a fact name', ruleSet([rule({ fact: '__proto__.polluted', eq: true }), catchAll]), 'rules.0.when.fact'],
    ['an unknown fact on the right-hand side', ruleSet([rule({ fact: 'claim.amountFen', lte: { fact: 'constructor' } }), catchAll]), 'rules.0.when.lte'],
    ['a comparison without an operator', ruleSet([rule({ fact: 'claim.type' }), catchAll]), 'rules.0.when'],
    ['an empty condition', ruleSet([rule({}), catchAll]), 'rules.0.when'],
    ['a comparison without a fact', ruleSet([rule({ not: { lt: 3 } }), catchAll]), 'rules.0.when.not'],
    ['a combinator mixed with a comparison', ruleSet([rule({ all: [], fact: 'claim.type', eq: 'refund' }), catchAll]), 'rules.0.when'],
    ['a condition that is not an object', ruleSet([rule(['claim.type', 'refund']), catchAll]), 'rules.0.when'],
    ['two operators in one comparison', ruleSet([rule({ fact: 'purchase.ageDays', gte: 1, lte: 90 }), catchAll]), 'rules.0.when'],
    ['an unknown operator', ruleSet([rule({ fact: 'purchase.ageDays', between: [1, 90] }), catchAll]), 'rules.0.when'],
    ['a fact compared with a fact of another type', ruleSet([rule({ fact: 'claim.amountFen', lte: { fact: 'merchant.odr' } }), catchAll]), 'rules.0.when.lte'],
    ['an empty `any`', ruleSet([rule({ any: [] }), catchAll]), 'rules.0.when.any'],
    ['an unknown step', ruleSet([{ ...catchAll, then: { step: 'court' } }]), 'rules.0.then.step'],
    ['a reason without English', ruleSet([{ ...catchAll, reason: { 'zh-CN': '调解' } }]), 'rules.0.reason.en'],
    ['a last rule with a condition', ruleSet([rule({ fact: 'merchant.odr', eq: true })]), 'rules.0.when'],
    ['a catch-all before the last rule', ruleSet([{ ...catchAll, id: 'early' }, catchAll]), 'rules.0.when'],
    ['a rule id used twice', ruleSet([rule({ fact: 'merchant.odr', eq: true }, 'same'), { ...catchAll, id: 'same' }]), 'rules.1.id'],
    ['ordering a text fact', ruleSet([rule({ fact: 'claim.type', lte: 5 }), catchAll]), 'rules.0.when.lte'],
    ['a number fact compared with text', ruleSet([rule({ fact: 'purchase.ageDays', eq: '90' }), catchAll]), 'rules.0.when.eq'],
    ['a list of the wrong type', ruleSet([rule({ all: [{ fact: 'claim.type', in: ['refund', 7] }] }), catchAll]), 'rules.0.when.all.0.in'],
    ['a number compared with a text fact', ruleSet([rule({ not: { fact: 'claim.amountFen', lte: { fact: 'category' } } }), catchAll]), 'rules.0.when.not.lte'],
    ['a version that is not a positive integer', { ...ruleSet([catchAll]), version: 1.5 }, 'version'],
    ['no rules', ruleSet([]), 'rules'],
  ])('refuses %s', (_label, data, path) => {
    expect(() => parseRuleSet(data)).toThrow(new RegExp(`^Invalid routing rule set:\\n(.*\\n)*${path.replace(/\./g, '\\.').replace('(root)', '\\(root\\)')}: `, 'm'));
  });
});

describe('conditions', () => {
  const refundWithoutAmount = complaintFacts({ claim: { type: 'refund', amountFen: undefined }, merchant: unregisteredMerchant({ name: '某某网店', platform: '拼多多' }) });

  test.each<[string, Condition, boolean]>([
    ['eq on a present fact', { fact: 'claim.type', eq: 'refund' }, true],
    ['in on a present fact', { fact: 'claim.type', in: ['exchange', 'repair'] }, false],
    ['a missing fact is never equal', { fact: 'claim.amountFen', eq: 0 }, false],
    ['a missing fact is never unequal either', { fact: 'claim.amountFen', ne: 0 }, false],
    ['a missing fact is never in a list', { fact: 'merchant.odr', in: [true, false] }, false],
    ['exists asks about presence', { fact: 'claim.amountFen', exists: false }, true],
    ['not turns a missing-fact comparison into true', { not: { fact: 'claim.amountFen', gt: 0 } }, true],
    ['a fact on the right that is missing makes the comparison false', { fact: 'purchase.ageDays', lte: { fact: 'merchant.advancePayout.limitFen' } }, false],
    ['all of nothing is true', { all: [] }, true],
    ['any needs one true member', { any: [{ fact: 'merchant.registered', eq: true }, { fact: 'category', eq: 'appliances' }] }, true],
    ['an unregistered merchant is not registered', { fact: 'merchant.registered', eq: false }, true],
  ])('%s', (_label, condition, expected) => {
    expect(evaluateCondition(condition, refundWithoutAmount)).toBe(expected);
  });

  test('a fact may be compared with another fact', () => {
    const withinLimit: Condition = { fact: 'claim.amountFen', lte: { fact: 'merchant.advancePayout.limitFen' } };
    expect(evaluateCondition(withinLimit, complaintFacts({ claim: { amountFen: 500000 } }))).toBe(true);
    expect(evaluateCondition(withinLimit, complaintFacts({ claim: { amountFen: 500001 } }))).toBe(false);
    expect(evaluateCondition(withinLimit, complaintFacts({ merchant: { registered: merchants.kaifengFood } }))).toBe(false);
  });
});
