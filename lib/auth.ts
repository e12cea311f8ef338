import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { staffRoles } from '../functions/http/principal';
import { removalPolicyFor } from './retention';

export interface StaffAuthProps {
  /** Keep the pool (and its accounts) when the stack goes, and refuse deleting it by accident. */
  retainData: boolean;
}

/**
 * Claims a staff token carries besides its groups (SPEC section 1). They are
 * custom attributes, so Cognito puts them in the ID token as `custom:org`,
 * `custom:region` and `custom:merchant`, which `functions/http/principal.ts` reads.
 */
export const staffClaimAttributes = {
  org: { minLen: 6, maxLen: 6 },
  region: { minLen: 6, maxLen: 6 },
  merchant: { minLen: 1, maxLen: 18 },
} as const;

/**
 * Staff sign-in: one Cognito user pool whose groups are the roles. Consumers
 * and the public never sign in (they use case id + access code, or nothing).
 */
export class StaffAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Staff accounts are made by admins for named people of an association,
      // a merchant or a bureau; nobody may sign themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        Object.entries(staffClaimAttributes).map(([name, length]) => [name, new cognito.StringAttribute({ ...length, mutable: true })]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Every staff role reads consumers' personal data (names, phones,
      // addresses), so a stolen password alone must not be enough. TOTP apps
      // only: SMS costs per message and needs an SNS origination setup.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: props.retainData,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user with no free tier. The pool has no self sign-up, ' +
        'a 12-character password policy and mandatory TOTP MFA for every account, which covers the credential-stuffing risk Plus targets; ' +
        'switching featurePlan to PLUS is one line when the budget allows.',
    });

    for (const role of staffRoles) {
      this.userPool.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, {
        groupName: role,
        description: `Redress role ${role} (SPEC section 1)`,
      });
    }

    const customClaims = Object.keys(staffClaimAttributes);
    this.webClient = this.userPool.addClient('WebClient', {
      // The staff pages sign in with SRP from the browser: no client secret
      // (it could not be kept secret there) and no hosted UI.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...customClaims),
      // org, region and merchant decide what a user may see: only admins
      // (through the admin API) set them, never the user's own client.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }

  /** The issuer (`iss` claim) of this pool's tokens, which the HTTP API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
