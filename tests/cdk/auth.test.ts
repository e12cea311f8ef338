import { Match } from 'aws-cdk-lib/assertions';
import { staffRoles } from '../../functions/http/principal';
import { staffClaimAttributes } from '../../lib/auth';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

let synthesised: SynthesisedRedress;

beforeAll(async () => {
  synthesised = await synthRedress();
});

describe('staff sign-in', () => {
  test('has one user pool where only admins create accounts', () => {
    synthesised.template.resourceCountIs('AWS::Cognito::UserPool', 1);
    synthesised.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
    });
  });

  test('requires strong passwords and a TOTP second factor', () => {
    synthesised.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  test('has a group per staff role, named as the role claim expects', () => {
    const poolId = logicalIdOf(synthesised.stack, synthesised.stack.auth.userPool);
    const groups = Object.values(synthesised.resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup');
    expect(groups.map((g) => g.Properties!.GroupName).sort()).toEqual([...staffRoles].sort());
    for (const group of groups) expect(group.Properties!.UserPoolId).toEqual({ Ref: poolId });
  });

  test('carries org, region and merchant as custom string attributes', () => {
    const pool = Object.values(synthesised.resources).find((r) => r.Type === 'AWS::Cognito::UserPool')!;
    const schema = pool.Properties!.Schema as { Name: string; AttributeDataType: string }[];
    for (const name of Object.keys(staffClaimAttributes)) {
      expect(schema).toContainEqual(expect.objectContaining({ Name: name, AttributeDataType: 'String' }));
    }
  });

  test('gives the console a public client (no secret) for the authorization code grant with PKCE, and SRP, never passwords in plain; it reads but never writes the claim attributes', () => {
    const client = Object.values(synthesised.resources).find((r) => r.Type === 'AWS::Cognito::UserPoolClient')!.Properties!;
    // A browser cannot keep a secret: the console proves itself with PKCE (web/src/console/pkce.ts) instead.
    expect(client.GenerateSecret).toBe(false);
    // Managed login hands the console an authorization code only: no implicit grant (tokens in the address), no client credentials.
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    // Direct sign-in to the client is SRP only (the password never leaves the device).
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    const claims = Object.keys(staffClaimAttributes).map((name) => `custom:${name}`);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(claims));
    for (const claim of claims) expect(client.WriteAttributes).not.toContain(claim);
    expect(client.PreventUserExistenceErrors).toBe('ENABLED');
  });

  test('publishes the pool and client ids as stack outputs', () => {
    synthesised.template.hasOutput('UserPoolId', { Value: { Ref: logicalIdOf(synthesised.stack, synthesised.stack.auth.userPool) } });
    synthesised.template.hasOutput('UserPoolClientId', { Value: { Ref: logicalIdOf(synthesised.stack, synthesised.stack.auth.webClient) } });
  });
});
