import { appendOutbox } from './outbox';
import { sendThroughAws } from './aws-sender';
import { countNotification } from '../observability/metrics';

/**
 * The port every outgoing message goes through (verification codes and
 * notifications). In AWS: Amazon SNS for SMS and Amazon SES for e-mail. On
 * the local stack (`OUTBOX_FILE` set): one JSON line per message in the
 * outbox, which `GET /v1/admin/outbox` reads.
 */
export interface OutgoingMessage {
  channel: 'sms' | 'email';
  /** A mainland mobile number (11 digits) or an e-mail address. */
  to: string;
  subject?: string;
  text: string;
  /** What the message is about, for the outbox and logs: `verification`, `case.filed`, ... */
  kind: string;
  caseId?: string;
  /** The notification's once-only key (`functions/services/notifications/`). */
  messageKey?: string;
  lang: 'zh-CN' | 'en';
}

export async function sendMessage(message: OutgoingMessage): Promise<void> {
  const outbox = process.env.OUTBOX_FILE;
  try {
    if (outbox) await appendOutbox(outbox, message, new Date());
    else await sendThroughAws(message);
  } catch (error) {
    countNotification(message.channel, 'failed');
    throw error;
  }
  countNotification(message.channel, 'sent');
}
