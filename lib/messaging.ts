import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { HandlerFunction } from './handler-function';

/**
 * What a function that sends SMS (Amazon SNS) or e-mail (Amazon SES v2)
 * needs (issue 10). CDK context:
 *   smsSenderId            sender id shown on SMS, where the carrier allows one
 *   emailFrom              the From address, e.g. notices@redress.example.cn
 *   emailIdentity          the verified SES identity (domain or address) it belongs to
 *   sesConfigurationSet    the SES configuration set (bounce and complaint events)
 *   publicBaseUrl          where the tracking page lives (links in messages)
 */
export interface MessagingContext {
  smsSenderId?: string;
  emailFrom?: string;
  emailIdentity?: string;
  sesConfigurationSet?: string;
  publicBaseUrl?: string;
}

export function messagingContext(stack: Stack): MessagingContext {
  const get = (key: keyof MessagingContext) => stack.node.tryGetContext(key) as string | undefined;
  return { smsSenderId: get('smsSenderId'), emailFrom: get('emailFrom'), emailIdentity: get('emailIdentity'), sesConfigurationSet: get('sesConfigurationSet'), publicBaseUrl: get('publicBaseUrl') };
}

export function grantMessaging(fn: HandlerFunction): void {
  const stack = Stack.of(fn);
  const context = messagingContext(stack);
  const environment: Record<string, string | undefined> = {
    SMS_SENDER_ID: context.smsSenderId,
    EMAIL_FROM: context.emailFrom,
    SES_CONFIGURATION_SET: context.sesConfigurationSet,
    PUBLIC_BASE_URL: context.publicBaseUrl,
  };
  for (const [name, value] of Object.entries(environment)) if (value) fn.fn.addEnvironment(name, value);

  // SMS to a phone number is published to no topic: IAM has no narrower resource for it.
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'sns:Publish on "*" is the only way IAM allows direct SMS to phone numbers (no topic ARN exists for them); the function publishes no topic messages.',
  });
  const identity = context.emailIdentity ?? context.emailFrom?.split('@')[1];
  if (identity) {
    const sesArn = (resource: string, resourceName: string) => stack.formatArn({ service: 'ses', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [sesArn('identity', identity), ...(context.sesConfigurationSet ? [sesArn('configuration-set', context.sesConfigurationSet)] : [])],
      }),
    );
  }
}
