import * as z from 'zod';
import templatesFile from '../../../seeds/notification-templates.json';
import { parseSeed } from '../../reference/load';
import type { Language } from '../i18n';

/** `seeds/notification-templates.json`, validated when this module loads: a broken template stops start-up, not a send. */
const bilingual = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export const templateKeys = [
  'filed',
  'accepted',
  'refused',
  'step',
  'offer',
  'deadline_passed',
  'outcome_resolved',
  'outcome_unresolved',
  'outcome_withdrawn',
  'rating_invitation',
  'merchant_new_case',
  'merchant_offer_answer',
  'merchant_disclosure',
] as const;
export type TemplateKey = (typeof templateKeys)[number];

const templateSchema = z.strictObject({ sms: bilingual, subject: bilingual, body: bilingual });
const templatesSeedSchema = z.strictObject({
  source: z.string(),
  templates: z.strictObject(Object.fromEntries(templateKeys.map((key) => [key, templateSchema])) as Record<TemplateKey, typeof templateSchema>),
});

export const notificationTemplates = parseSeed('notification-templates.json', templatesSeedSchema, templatesFile).templates;

/** SMS in Chinese (UCS-2) carries 70 characters per segment; longer texts go as several segments. */
export const smsSegmentCharacters = 70;

export function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export interface RenderedMessage {
  sms: string;
  subject: string;
  body: string;
}

export function render(key: TemplateKey, lang: Language, params: Record<string, string>): RenderedMessage {
  const template = notificationTemplates[key];
  return { sms: fill(template.sms[lang], params), subject: fill(template.subject[lang], params), body: fill(template.body[lang], params) };
}
