import type { Page } from 'playwright-core';
import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';

/** The complaint form as a person fills it in, shared by the browser tests. */

/** Today as the server counts it (China time). */
const today = () => chinaDate(new Date());

export interface FormValues {
  name: string;
  phone: string;
  prefecture: string;
  county: string;
  merchant: string;
  purchaseDate: string;
  amountYuan: string;
  channel: string;
  category: string;
  issue: string;
  knownSince: string;
  description: string;
  claimType: string;
  claimYuan: string;
}

export function complaint(overrides: Partial<FormValues> = {}): FormValues {
  return {
    name: '张三',
    phone: '13800138000',
    prefecture: '410100',
    county: '410105',
    // No credit code: no routing rule decides, so the case waits as `received` for the association.
    merchant: '郑州某某电器有限公司',
    purchaseDate: addDays(today(), -20),
    amountYuan: '1299.9',
    channel: 'online',
    category: 'appliances',
    issue: 'quality',
    knownSince: addDays(today(), -14),
    description: '洗衣机使用一周后无法脱水，商家拒绝退货。',
    claimType: 'refund',
    claimYuan: '1299.90',
    ...overrides,
  };
}

export async function fillForm(page: Page, values: FormValues): Promise<void> {
  await page.fill('#field-consumer-name', values.name);
  await page.fill('#field-consumer-phone', values.phone);
  await page.selectOption('#field-consumer-regionCode-prefecture', values.prefecture);
  await page.selectOption('#field-consumer-regionCode-county', values.county);
  await page.fill('#field-merchant-name', values.merchant);
  await page.fill('#field-purchase-date', values.purchaseDate);
  await page.fill('#field-purchase-amountFen', values.amountYuan);
  await page.selectOption('#field-purchase-channel', values.channel);
  await page.selectOption('#field-category', values.category);
  await page.selectOption('#field-issue', values.issue);
  await page.fill('#field-knownSince', values.knownSince);
  await page.fill('#field-description', values.description);
  await page.selectOption('#field-claim-type', values.claimType);
  await page.fill('#field-claim-amountFen', values.claimYuan);
}
