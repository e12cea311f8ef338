import { isValidCreditCode } from '../../../functions/domain/complaints/credit-code';
import { el } from '../ui/dom';
import { language } from '../ui/i18n';
import { getDisclosures, getMerchantRecord, type MerchantRecord } from './api';
import { formatCount, formatRate, formatYuan, st } from './words';

/**
 * A merchant's public record, by credit code (any merchant complained
 * about) or by name (found among the published records, then by code).
 */
const creditCodeShape = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

function fact(name: string, value: string): HTMLElement {
  return el('div', { class: 'fact' }, el('dt', {}, name), el('dd', {}, value));
}

export function merchantRecordView(record: MerchantRecord): HTMLElement {
  const dash = st('notApplicable');
  return el(
    'section',
    { class: 'merchant-record', id: 'merchant-record', 'aria-labelledby': 'merchant-record-title' },
    el('h3', { id: 'merchant-record-title', tabindex: '-1' }, st('recordTitle', { name: record.name })),
    el('p', { class: 'muted' }, `${st('creditCode')} ${record.creditCode} · ${st('recordWindow', { from: record.from, to: record.to })}`),
    el(
      'dl',
      { class: 'facts' },
      fact(st('complaints12m'), formatCount(record.complaints12m)),
      fact(st('accepted'), formatCount(record.accepted)),
      fact(st('notAccepted'), formatCount(record.notAccepted)),
      fact(st('resolved'), formatCount(record.resolved)),
      fact(st('unresolved'), formatCount(record.unresolved)),
      fact(st('withdrawn'), formatCount(record.withdrawn)),
      fact(st('resolutionRate'), record.resolutionRate === null ? dash : formatRate(record.resolutionRate)),
      fact(st('medianDays'), record.medianDaysToClose === null ? dash : st('workingDays', { n: record.medianDaysToClose })),
      fact(st('odr'), record.odr ? st('yes') : st('no')),
      fact(st('advancePayout'), record.advancePayout ? st('advancePayoutUpTo', { amount: formatYuan(record.advancePayout.limitFen) }) : st('none')),
      fact(st('offlineReturn'), record.offlineNoReasonReturn ? st('yes') : st('no')),
    ),
  );
}

export function merchantLookup(mount: HTMLElement) {
  const say = (text: string) => mount.replaceChildren(el('p', { class: 'form-status', role: 'alert' }, text));

  async function showRecord(creditCode: string): Promise<void> {
    const answer = await getMerchantRecord(creditCode, language());
    if (answer.kind === 'ok') {
      mount.replaceChildren(merchantRecordView(answer.value));
      mount.querySelector<HTMLElement>('#merchant-record-title')?.focus();
    } else if (answer.kind === 'error' && answer.status === 400) say(st('lookupInvalid'));
    else if (answer.kind === 'error' && answer.status === 404) say(st('lookupNone'));
    else say(st('loadFailed'));
  }

  async function byName(name: string): Promise<void> {
    const answer = await getDisclosures({ q: name, limit: 50 }, language());
    if (answer.kind !== 'ok') return say(st('loadFailed'));
    const found = new Map<string, string>();
    for (const item of answer.value.items) if (item.merchant.creditCode) found.set(item.merchant.creditCode, item.merchant.name);
    if (found.size === 0) return say(st('lookupNone'));
    if (found.size === 1) return showRecord([...found.keys()][0]!);
    const choices = [...found].map(([code, merchantName]) => {
      const button = el('button', { type: 'button', class: 'button button-link', 'data-credit-code': code }, `${merchantName}（${code}）`);
      button.addEventListener('click', () => void showRecord(code));
      return el('li', {}, button);
    });
    mount.replaceChildren(el('p', {}, st('lookupChoose')), el('ul', { class: 'merchant-choices' }, ...choices));
  }

  return {
    async lookUp(input: string): Promise<void> {
      const text = input.trim();
      if (!text) return;
      const code = text.toUpperCase().replace(/\s+/g, '');
      if (creditCodeShape.test(code) || /^[0-9A-Z]{18}$/.test(code)) {
        if (!isValidCreditCode(code)) return say(st('lookupInvalid'));
        return showRecord(code);
      }
      return byName(text);
    },
  };
}
