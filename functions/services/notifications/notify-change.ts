import type { CaseRecord } from '../../domain/complaints/case';
import { messagesFor, noticesFor } from '../../domain/notifications/case-notifications';
import { sendMessage } from '../../messaging/sender';
import { logger } from '../../shared/logger';
import { claimChangeNotifications, eventTypeOf, markChangeNotified, releaseChangeNotifications } from '../../store/notification-store';
import { getMerchant } from '../../store/registry-store';
import { cachedContact } from '../routing/registry-cache';

/** A claim older than this is taken to be a crashed sender's: the message is sent again. */
const claimLeaseSeconds = 120;

export function trackingUrl(): string {
  return `${(process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/track.html`;
}

/**
 * Sends what one case change calls for, each message once: the change (its
 * case and the version it produced) is claimed by a conditional write
 * before the sends. A failed send releases the claim with the messages that
 * went, and fails the record, so the stream retries it (those messages are
 * skipped) and finally dead-letters it.
 */
export async function notifyCaseChange(before: CaseRecord | undefined, after: CaseRecord, now: Date = new Date()): Promise<{ sent: number; skipped: number }> {
  const eventType = before ? await eventTypeOf(after.caseId, after.version) : 'filed';
  const notices = noticesFor({ before, after, eventType }, { trackingUrl: trackingUrl() });
  if (notices.length === 0) return { sent: 0, skipped: 0 };
  const creditCode = after.complaint.merchant.creditCode;
  const contact = notices.some((n) => n.recipient === 'merchant') && creditCode ? await cachedContact(creditCode, async () => (await getMerchant(creditCode))?.contact) : undefined;
  const messages = messagesFor(notices, after, contact);
  if (messages.length === 0) return { sent: 0, skipped: 0 };
  const nowEpochSeconds = Math.floor(now.getTime() / 1000);
  const changeKey = `${after.caseId}#${after.version}`;
  const claim = await claimChangeNotifications(changeKey, nowEpochSeconds, claimLeaseSeconds);
  if (!claim.claimed) return { sent: 0, skipped: messages.length };
  const sentNow: string[] = [];
  for (const message of messages) {
    const messageKey = `${message.recipient}#${message.channel}#${message.key}`;
    if (claim.alreadySent.has(messageKey)) continue;
    try {
      await sendMessage({ channel: message.channel, to: message.to, text: message.text, subject: message.subject, kind: message.key, caseId: after.caseId, messageKey: `${changeKey}#${messageKey}`, lang: message.lang });
    } catch (error) {
      await releaseChangeNotifications(changeKey, [...claim.alreadySent, ...sentNow]);
      logger.error('notification not sent; the stream will retry', { caseId: after.caseId, kind: message.key, channel: message.channel, error: error as Error });
      throw error;
    }
    sentNow.push(messageKey);
  }
  await markChangeNotified(changeKey, nowEpochSeconds);
  const skipped = messages.length - sentNow.length;
  logger.info('notifications', { caseId: after.caseId, version: after.version, sent: sentNow.length, skipped });
  return { sent: sentNow.length, skipped };
}
