import { handlingResultLabels, type HandlingResult } from '../../../functions/domain/disclosure/public-record';
import { el } from '../ui/dom';
import { categoryLabel, claimTypeLabel, issueLabel, regionLabel } from '../ui/code-labels';
import { language, pick } from '../ui/i18n';
import { getDisclosures, type Disclosure } from './api';
import { formatCount, st } from './words';

/**
 * The published complaint records with a search by merchant name, region
 * and category, a page at a time ("show more" follows the cursor).
 */
export interface DisclosureFilters {
  q?: string;
  region?: string;
  category?: string;
}

function resultLabel(code: string): string {
  const label = handlingResultLabels[code as HandlingResult];
  return label ? pick(label) : code;
}

function fact(name: string, value: string): HTMLElement {
  return el('div', { class: 'fact' }, el('dt', {}, name), el('dd', {}, value));
}

export function disclosureCard(record: Disclosure): HTMLElement {
  return el(
    'li',
    { class: 'disclosure', 'data-public-ref': record.publicRef },
    el('h3', { class: 'disclosure-merchant' }, record.merchant.name),
    el(
      'dl',
      { class: 'facts facts-compact' },
      fact(st('publicRef'), record.publicRef),
      fact(st('creditCode'), record.merchant.creditCode ?? st('notApplicable')),
      fact(st('category'), categoryLabel(record.category)),
      fact(st('issue'), issueLabel(record.issue)),
      fact(st('requestType'), claimTypeLabel(record.requestType)),
      fact(st('handlingResult'), resultLabel(record.handlingResult)),
      fact(st('byRegion'), regionLabel(record.region)),
      fact(st('publishedOn'), record.publishedOn),
    ),
    el('p', { class: 'muted disclosure-months' }, st('months', { filed: record.monthFiled, dispute: record.monthOfDispute, handled: record.monthHandled })),
    record.narrative ? el('figure', { class: 'narrative' }, el('figcaption', { class: 'muted' }, st('narrative')), el('blockquote', {}, record.narrative)) : null,
  );
}

export function disclosuresList(mount: HTMLElement) {
  let filters: DisclosureFilters = {};
  let items: Disclosure[] = [];
  let cursor: string | undefined;
  let request = 0;
  let failed = false;

  const draw = () => {
    const list = el('ol', { class: 'disclosures', id: 'disclosure-list' }, ...items.map(disclosureCard));
    const more = cursor ? el('button', { type: 'button', class: 'button button-secondary', id: 'disclosures-more' }, st('loadMore')) : null;
    more?.addEventListener('click', () => void fetchPage(false));
    mount.replaceChildren(
      failed ? el('p', { class: 'form-status', role: 'alert' }, st('loadFailed')) : items.length === 0 ? el('p', { class: 'muted', id: 'disclosures-empty' }, st('noDisclosures')) : el('p', { class: 'muted', id: 'disclosures-count', role: 'status' }, st('disclosureCount', { n: formatCount(items.length) })),
      list,
      ...(more ? [more] : []),
    );
  };

  async function fetchPage(fresh: boolean): Promise<void> {
    const mine = ++request;
    const answer = await getDisclosures({ ...filters, ...(fresh || !cursor ? {} : { cursor }), limit: 10 }, language());
    if (mine !== request) return;
    failed = answer.kind !== 'ok';
    if (answer.kind === 'ok') {
      items = fresh ? answer.value.items : [...items, ...answer.value.items];
      cursor = answer.value.cursor;
    }
    draw();
  }

  return {
    search(next: DisclosureFilters): Promise<void> {
      filters = next;
      cursor = undefined;
      return fetchPage(true);
    },
    redraw: draw,
  };
}
