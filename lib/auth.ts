import { Duration, Fn, Lazy, Stack, Validations } from 'aws-cdk-lib';
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
  /** Cognito's managed login pages for this pool (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly domain: cognito.UserPoolDomain;
  private consoleUrl?: string;

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
    // The console signs in on Cognito's managed login with the authorization
    // code grant and PKCE: no client secret (a browser cannot keep one), and
    // the password and TOTP are typed on Cognito's pages, never on ours.
    const consoleUrls = Lazy.list({ produce: () => [this.requireConsoleUrl()] });
    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: consoleUrls,
        logoutUrls: consoleUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
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

    // A prefix unique to this stack (its id's UUID part), so two deployments never collide on the global name.
    const stackUuid = Fn.select(2, Fn.split('/', Stack.of(this).stackId));
    this.domain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['redress', stackUuid]) },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows nothing until a client has a style; Cognito's own is enough.
    new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }

  /** Where Cognito may send people back after sign-in and sign-out: the console's address (set once the site's URL is known). */
  useConsoleAt(url: string): void {
    this.consoleUrl = url;
  }

  private requireConsoleUrl(): string {
    if (!this.consoleUrl) throw new Error('StaffAuth: call useConsoleAt(url) with the console address before synthesis');
    return this.consoleUrl;
  }

  /** `https://<prefix>.auth.<region>.amazoncognito.com`, where the console sends people to sign in. */
  get signInUrl(): string {
    return this.domain.baseUrl();
  }

  /** The issuer (`iss` claim) of this pool's tokens, which the HTTP API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
