import { actionsOf, statementsOf } from './support/iam';
import { synthRedress, type SynthesisedRedress } from './support/synth-redress';

/** Issue 10: only the functions that send get SNS and SES, SES only on the configured identity and configuration set. */
let synthesised: SynthesisedRedress;

beforeAll(async () => {
  synthesised = await synthRedress({ context: { emailFrom: 'notices@redress.example.cn', sesConfigurationSet: 'redress-mail', smsSenderId: 'REDRESS' } });
}, 120_000);

const senders = () => [synthesised.stack.api.functions.get('verifications')!, synthesised.stack.background.streamFunctions.get('stream/notify')!];

describe('SNS and SES grants', () => {
  it('the verification function and the notifier may publish SMS and send e-mail from the configured identity only', () => {
    for (const fn of senders()) {
      const statements = statementsOf(synthesised, fn);
      expect(statements.filter((s) => actionsOf(s).includes('sns:Publish'))).toHaveLength(1);
      const ses = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
      expect(ses.flatMap(actionsOf)).toEqual(['ses:SendEmail']);
      const resources = JSON.stringify(ses[0]!.Resource);
      expect(resources).toContain('identity/redress.example.cn');
      expect(resources).toContain('configuration-set/redress-mail');
      expect(resources).not.toContain('"*"');
    }
  });

  it('passes the sender id, From address and configuration set from CDK context', () => {
    const id = synthesised.stack.getLogicalId(senders()[1]!.fn.node.defaultChild as never);
    const env = (synthesised.resources[id]!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({ SMS_SENDER_ID: 'REDRESS', EMAIL_FROM: 'notices@redress.example.cn', SES_CONFIGURATION_SET: 'redress-mail' });
  });

  it('no other function may send', () => {
    const all = [...synthesised.stack.api.functions.values(), ...synthesised.stack.background.streamFunctions.values(), ...synthesised.stack.background.jobFunctions.values()];
    for (const fn of all.filter((f) => !senders().includes(f))) {
      expect(statementsOf(synthesised, fn).flatMap(actionsOf).filter((a) => a.startsWith('sns:') || a.startsWith('ses:'))).toEqual([]);
    }
  });
});

describe('the local outbox', () => {
  it('GET /v1/admin/outbox is not deployed', () => {
    const routeKeys = Object.values(synthesised.resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties!.RouteKey);
    expect(routeKeys).toContain('POST /v1/verifications');
    expect(routeKeys).not.toContain('GET /v1/admin/outbox');
    expect(synthesised.stack.api.functions.has('admin/outbox')).toBe(false);
  });
});
