import { signLocalToken, type LocalIdentity } from '../../local/local-jwt';
import { expectStatus, type ApiClient, type Json } from './api-client';
import type { PlannedComplaint } from './complaint-mix';

export interface FiledComplaint extends PlannedComplaint {
  caseId: string;
  accessCode: string;
}

const tokens = new Map<string, Promise<string>>();
export function tokenFor(identity: LocalIdentity): Promise<string> {
  const key = JSON.stringify(identity);
  if (!tokens.has(key)) tokens.set(key, signLocalToken(identity));
  return tokens.get(key)!;
}

/**
 * Takes one routed complaint to its end as people would over the API: each
 * staff action is preceded by a look at the case (the console opens it),
 * each consumer answer by a look at the tracking page. Ratings: 2 in 5
 * consumers rate a closed case.
 */
export async function handleComplaint(api: ApiClient, c: FiledComplaint): Promise<void> {
  const mediator = await tokenFor({ role: 'mediator', org: c.association });
  const admin = await tokenFor({ role: 'admin' });
  const merchant = c.merchant ? await tokenFor({ role: 'merchant', merchant: c.merchant }) : undefined;
  let version = 0;

  const staff = async (token: string, action: string, fields: Json = {}) => {
    const view = expectStatus(await api.send('GET', `/v1/cases/${c.caseId}`, { token }), [200], `${c.path}: view before ${action}`);
    version = view.body.version as number;
    const done = expectStatus(await api.send('POST', `/v1/cases/${c.caseId}/actions`, { token, body: { action, expectedVersion: version, ...fields } }), [200], `${c.path}: ${action}`);
    version = done.body.version as number;
    return done.body;
  };
  const consumer = async (action: string, fields: Json = {}) => {
    const headers = { 'X-Access-Code': c.accessCode };
    expectStatus(await api.send('GET', `/v1/complaints/${c.caseId}`, { headers }), [200], `${c.path}: consumer view before ${action}`);
    return expectStatus(await api.send('POST', `/v1/complaints/${c.caseId}/actions`, { headers, body: { action, ...fields } }), [200], `${c.path}: consumer ${action}`).body;
  };
  const amount = (c.body.purchase as Json).amountFen as number;
  const offer = { amountFen: Math.round(amount * 0.8), terms: '退还货款的八成，七日内原路退回。' };
  const mediate = async (outcome: 'agreement' | 'offer' | 'unresolved') => {
    await staff(mediator, 'claim');
    await staff(mediator, 'note', { text: '已电话联系双方，商家同意协商。' });
    if (outcome === 'unresolved') return staff(mediator, 'end_unresolved', { text: '商家拒不协商。' });
    if (outcome === 'agreement') return staff(mediator, 'record_agreement', { refundFen: offer.amountFen, terms: offer.terms });
    await staff(mediator, 'propose_offer', offer);
    return consumer('accept_offer');
  };

  switch (c.path) {
    case 'payout': {
      const officer = mediator;
      await staff(officer, 'approve_payout', { amountFen: amount });
      await staff(admin, 'record_payment', { amountFen: amount, reference: `BANK-${c.serial}` });
      await staff(officer, 'record_recovery', { amountFen: amount, reference: `RECOVER-${c.serial}` });
      break;
    }
    case 'odr':
      await staff(merchant!, 'respond', { text: '已收到投诉，愿意协商解决。' });
      await staff(merchant!, 'make_offer', offer);
      await consumer('accept_offer');
      break;
    case 'odrDeclined':
      await staff(merchant!, 'decline', { text: '我方认为商品无质量问题。' });
      await mediate('agreement');
      break;
    case 'mediated':
      await mediate(c.serial % 2 === 0 ? 'offer' : 'agreement');
      break;
    case 'unresolved':
      await mediate('unresolved');
      break;
    case 'review':
      await staff(mediator, 'accept');
      await mediate('agreement');
      break;
    case 'refusedByMediator':
      await staff(mediator, 'refuse', { reason: 'already_handled', text: '已由法院受理。' });
      break;
    case 'withdrawn':
      await staff(mediator, 'claim');
      await consumer('withdraw', { text: '已与商家自行和解。' });
      break;
    case 'timeBarred':
    case 'disclosure':
      // The router refused it; or it waits for the disclosure schedule.
      break;
  }
  if (c.serial % 5 < 2 && c.path !== 'disclosure') await consumer('rate', { rating: 1 + (c.serial % 5) + 2, comment: '处理及时。' });
}
