import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingMessage } from './sender';

/**
 * SMS through Amazon SNS (transactional, with the sender id given as CDK
 * context) and e-mail through Amazon SES v2 (from `EMAIL_FROM`, with the
 * configuration set given as CDK context, which records bounces and
 * complaints). Clients are made once per container.
 */
let sns: SNSClient | undefined;
let ses: SESv2Client | undefined;

export async function sendThroughAws(message: OutgoingMessage): Promise<void> {
  if (message.channel === 'sms') {
    sns ??= new SNSClient({ maxAttempts: 3 });
    const senderId = process.env.SMS_SENDER_ID;
    await sns.send(
      new PublishCommand({
        PhoneNumber: `+86${message.to}`,
        Message: message.text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: senderId } } : {}),
        },
      }),
    );
    return;
  }
  const from = process.env.EMAIL_FROM;
  if (!from) throw new Error('EMAIL_FROM is not set: e-mail cannot be sent');
  ses ??= new SESv2Client({ maxAttempts: 3 });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: [message.to] },
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET || undefined,
      Content: { Simple: { Subject: { Data: message.subject ?? message.text.slice(0, 60), Charset: 'UTF-8' }, Body: { Text: { Data: message.text, Charset: 'UTF-8' } } } },
    }),
  );
}
