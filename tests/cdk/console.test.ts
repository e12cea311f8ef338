import { routes } from '../../functions/routes';
import { localConfigPath, localSignInPath } from '../../bin/local/http/local-sign-in';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

/**
 * The staff console's sign-in in AWS: Cognito managed login with the
 * authorization code grant and PKCE, back to the console's address; and the
 * local stack's "sign in as" endpoint nowhere in the deployed app.
 */
let synthesised: SynthesisedRedress;

beforeAll(async () => {
  synthesised = await synthRedress();
});

const ofType = (type: string) => Object.values(synthesised.resources).filter((r) => r.Type === type);

describe('console sign-in in AWS', () => {
  test('the web client uses the authorization code grant only, back to /console/ on the site', () => {
    const client = ofType('AWS::Cognito::UserPoolClient')[0]!.Properties!;
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect((client.AllowedOAuthScopes as string[]).sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.GenerateSecret).toBe(false);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    const consoleUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(synthesised.stack, synthesised.stack.web.distribution), 'DomainName'] }, '/console/']] };
    expect(client.CallbackURLs).toEqual([consoleUrl]);
    expect(client.LogoutURLs).toEqual([consoleUrl]);
  });

  test('has a managed login domain unique to the stack, styled for the web client', () => {
    const [domain] = ofType('AWS::Cognito::UserPoolDomain');
    expect(domain!.Properties!.ManagedLoginVersion).toBe(2);
    expect(JSON.stringify(domain!.Properties!.Domain)).toContain('AWS::StackId');
    const [branding] = ofType('AWS::Cognito::ManagedLoginBranding');
    expect(branding!.Properties).toMatchObject({ UseCognitoProvidedValues: true, ClientId: { Ref: logicalIdOf(synthesised.stack, synthesised.stack.auth.webClient) } });
  });

  test('config.json tells the console where to sign in', () => {
    const deployment = ofType('Custom::CDKBucketDeployment')[0]!.Properties!;
    const markers = JSON.stringify(deployment.SourceMarkers);
    expect(markers).toContain(`"${logicalIdOf(synthesised.stack, synthesised.stack.auth.domain)}"`);
    expect(markers).toContain(`"${logicalIdOf(synthesised.stack, synthesised.stack.auth.webClient)}"`);
  });

  test("lets the pages reach Cognito's managed login domain for the code exchange", () => {
    const policy = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]!.Properties!;
    expect(JSON.stringify(policy)).toMatch(/connect-src 'self' [^;]*\.auth\.[^;]*amazoncognito\.com/);
  });
});

describe('the local sign-in endpoint', () => {
  test('is not in the route table', () => {
    expect(routes.filter((route) => !route.path.startsWith('/v1/'))).toEqual([]);
    expect(routes.map((route) => route.path)).not.toContain(localSignInPath);
  });

  test('is neither a route nor a function nor any other part of the synthesised app', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map((route) => String(route.Properties!.RouteKey));
    expect(routeKeys.length).toBeGreaterThan(0);
    for (const key of routeKeys) expect(key).toMatch(/^(GET|POST|PUT|DELETE) \/v1\//);
    const template = JSON.stringify(synthesised.app.synth().getStackByName(synthesised.stack.stackName).template);
    expect(template).not.toContain(localSignInPath);
    expect(template).not.toContain('local-jwt');
    expect(template).not.toContain('local-sign-in');
    // The deployed config.json is the stack's own; the local server's answer for it exists only on npm start.
    expect(template).not.toContain('"auth":"local"');
    expect(localConfigPath).toBe('/config.json');
  });
});
