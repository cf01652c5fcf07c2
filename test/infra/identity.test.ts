import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#functions/routes';
import { addNagChecks, unacknowledgedFindings } from '#infra/nag';
import { ACM_PROVIDER_NAME, PORTAL_SCOPE } from '#infra/stacks/identity-stack';
import { buildApp } from './build-app.ts';

type Built = ReturnType<typeof buildApp>;

/**
 * The route table with one route turned into a throttled service route and one user route throttled,
 * so the service authorizer and route throttling are checked whatever the shared table holds today.
 * Bundling is skipped, so any existing handler will do.
 */
const fixtureRoutes: readonly Route[] = routes.map((route): Route => {
  if (route.fn === 'list-rights') {
    return { ...route, auth: 'service', scope: PORTAL_SCOPE, throttle: { rateLimit: 20, burstLimit: 40 } };
  }
  if (route.fn === 'lookup-national-register') return { ...route, throttle: { rateLimit: 2, burstLimit: 5 } };
  return route;
});

/** `https://<distribution domain><path>` as the identity stack imports it from the hosting stack. */
const uiUrl = (path: string) => ({
  'Fn::Join': [
    '',
    [
      'https://',
      { 'Fn::ImportValue': Match.stringLikeRegexp('^GebruikersbeheerHosting:.*DomainName') },
      path,
    ],
  ],
});

let real: Built;
let fixture: Built;
let identity: Template;

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnResource);

beforeAll(() => {
  real = buildApp();
  fixture = buildApp({ routes: fixtureRoutes });
  identity = Template.fromStack(real.identity);
});

describe('user pool', () => {
  it('is retained, deletion-protected and on the Essentials plan (needed for access-token claims)', () => {
    identity.resourceCountIs('AWS::Cognito::UserPool', 1);
    identity.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'ESSENTIALS',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    });
    expect(real.identity.terminationProtection).toBe(true);
  });

  it('holds the national number in an 11-character custom attribute that federation can update', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'given_name', Mutable: true }),
        Match.objectLike({ Name: 'family_name', Mutable: true }),
        {
          Name: 'national_number',
          AttributeDataType: 'String',
          // Cognito rewrites mapped attributes at every login: they must be mutable.
          Mutable: true,
          StringAttributeConstraints: { MinLength: '11', MaxLength: '11' },
        },
      ]),
    });
  });

  it('runs the pre token generation trigger with the V2_0 event', () => {
    const fnId = logicalId(real.identity, real.identity.preTokenGeneration);
    identity.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [fnId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    identity.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [logicalId(real.identity, real.identity.userPool), 'Arn'] },
    });
    identity.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 5,
      TracingConfig: { Mode: 'Active' },
    });
  });
});

describe('ACM identity provider', () => {
  it('is an OIDC provider whose issuer, client id and scopes are parameters', () => {
    for (const name of ['AcmIssuerUrl', 'AcmClientId', 'AcmScopes', 'AcmNationalNumberClaim']) {
      identity.hasParameter(name, { Type: 'String' });
    }
    identity.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: ACM_PROVIDER_NAME,
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        oidc_issuer: { Ref: 'AcmIssuerUrl' },
        client_id: { Ref: 'AcmClientId' },
        authorize_scopes: { Ref: 'AcmScopes' },
      }),
    });
  });

  it('reads the client secret from Secrets Manager at deploy time; the template never holds it', () => {
    identity.hasParameter('AcmCredentialName', {
      Type: 'String',
      Default: 'gebruikersbeheer/acm-client-secret',
    });
    identity.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderDetails: Match.objectLike({
        client_secret: {
          'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'AcmCredentialName' }, ':SecretString:::}}']],
        },
      }),
    });
  });

  it('maps the national number claim to custom:national_number, and the name claims', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      AttributeMapping: {
        'custom:national_number': { Ref: 'AcmNationalNumberClaim' },
        'custom:amr': 'amr',
        'custom:acr': 'acr',
        given_name: 'given_name',
        family_name: 'family_name',
      },
    });
    identity.hasParameter('AcmNationalNumberClaim', { Default: 'rrn' });
  });

  it('offers a hosted login domain with the prefix given as a parameter', () => {
    identity.hasParameter('HostedLoginDomainPrefix', { Type: 'String', AllowedPattern: Match.anyValue() });
    identity.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { Ref: 'HostedLoginDomainPrefix' },
    });
    identity.hasOutput('AcmRedirectUri', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/oauth2/idpresponse$')])] },
    });
  });
});

describe('app clients', () => {
  it('web client: code flow without secret (so PKCE), openid only, ACM only, no direct sign-in', () => {
    identity.hasResource('AWS::Cognito::UserPoolClient', {
      DependsOn: Match.arrayWith([logicalId(real.identity, real.identity.acm)]),
      Properties: Match.objectLike({
        ClientName: 'gebruikersbeheer-web',
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: [ACM_PROVIDER_NAME],
        // The UI's CloudFront origin (hosting stack): /auth/callback after login, / after logout.
        CallbackURLs: [uiUrl('/auth/callback')],
        LogoutURLs: [uiUrl('/')],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        // Mapped attributes must be writable by the client Cognito federates through.
        WriteAttributes: Match.arrayWith(['custom:national_number', 'family_name', 'given_name']),
      }),
    });
  });

  it('resource server "access" with the scope "check"', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'access',
      Scopes: Match.arrayWith([Match.objectLike({ ScopeName: 'check' })]),
    });
    expect(PORTAL_SCOPE).toBe('access/check');
  });

  it('defines every scope the route table asks for on the resource server', () => {
    const defined = Object.values(identity.findResources('AWS::Cognito::UserPoolResourceServer')).flatMap(
      (rs) =>
        (rs as { Properties: { Scopes: { ScopeName: string }[] } }).Properties.Scopes.map(
          (s) => `access/${s.ScopeName}`,
        ),
    );
    for (const route of routes.filter((r) => r.auth === 'service')) expect(defined).toContain(route.scope);
  });

  it('portal client: client credentials with a secret, the access/check scope and nothing else', () => {
    const rsId = logicalId(real.identity, real.identity.resourceServer);
    identity.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'kmo-portefeuille',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: rsId }, '/check']] }],
      SupportedIdentityProviders: Match.absent(),
      CallbackURLs: Match.absent(),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('no client gets the scope that lets a person edit their own attributes', () => {
    expect(JSON.stringify(identity.toJSON())).not.toContain('aws.cognito.signin.user.admin');
  });

  it('custom:national_number: only the federating web client may write it (Cognito needs that for the mapping), no other client reads or writes it', () => {
    const clients = Object.values(identity.findResources('AWS::Cognito::UserPoolClient')) as {
      Properties: { ClientName: string; ReadAttributes?: string[]; WriteAttributes?: string[] };
    }[];
    expect(clients.map((c) => c.Properties.ClientName).sort()).toEqual([
      'gebruikersbeheer-web',
      'kmo-portefeuille',
    ]);
    for (const { Properties: c } of clients) {
      // Every client lists its attributes: none falls back to Cognito's default of all standard ones.
      expect(c.WriteAttributes, c.ClientName).toBeDefined();
      expect(c.ReadAttributes, c.ClientName).toBeDefined();
      if (c.ClientName === 'gebruikersbeheer-web') continue;
      expect(c.WriteAttributes, c.ClientName).toEqual([]);
      expect(c.ReadAttributes, c.ClientName).toEqual([]);
    }
    // Mapped from ACM, so it must stay mutable; what pins it is the pre token trigger's binding.
    const pool = Object.values(identity.findResources('AWS::Cognito::UserPool'))[0] as {
      Properties: { Schema: { Name: string; Mutable: boolean }[] };
    };
    expect(pool.Properties.Schema.find((a) => a.Name === 'national_number')).toMatchObject({ Mutable: true });
  });
});

/** The API stack's authorizers, by name, and the id of each route's authorizer by route key. */
function authorization(built: Built) {
  const api = Template.fromStack(built.api);
  const authorizers = api.findResources('AWS::ApiGatewayV2::Authorizer');
  const byName = Object.fromEntries(
    Object.entries(authorizers).map(([id, resource]) => [
      (resource as { Properties: { Name: string } }).Properties.Name,
      { id, ...(resource as { Properties: Record<string, unknown> }).Properties },
    ]),
  );
  const routeAuthorizer = Object.fromEntries(
    Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map((resource) => {
      const props = (resource as { Properties: { RouteKey: string; AuthorizerId?: { Ref: string } } })
        .Properties;
      return [props.RouteKey, props.AuthorizerId?.Ref];
    }),
  );
  return { api, byName, routeAuthorizer };
}

/** The export name under which the identity stack shares a construct's Ref. */
const exportOf = (built: Built, construct: { node: { defaultChild?: unknown } }) => {
  const id = logicalId(built.identity, construct);
  return Match.objectLike({
    'Fn::ImportValue': Match.stringLikeRegexp(`^GebruikersbeheerIdentity:.*Ref${id}`),
  });
};

describe('API authorizers', () => {
  it('trust the user pool as issuer, person tokens from the web client only', () => {
    const { byName } = authorization(real);
    expect(byName.user).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    Template.fromStack(real.api).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      Name: 'user',
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.',
              { Ref: 'AWS::Region' },
              '.amazonaws.com/',
              exportOf(real, real.identity.userPool),
            ],
          ],
        },
        Audience: [exportOf(real, real.identity.webClient)],
      },
    });
  });

  it('accept client-credentials tokens of the portal only on service routes', () => {
    Template.fromStack(fixture.api).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      Name: 'service',
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        Audience: [exportOf(fixture, fixture.identity.portalClient)],
      },
    });
  });

  it.each([
    ['shared route table', () => real, routes],
    ['fixture with a service route', () => fixture, fixtureRoutes],
  ] as const)(
    '%s: user routes → user authorizer, service routes → service authorizer + scope, public → none',
    (_name, built, table) => {
      const { api, byName, routeAuthorizer } = authorization(built());
      for (const route of table) {
        const key = `${route.method} ${route.path}`;
        if (route.auth === 'none') {
          expect(routeAuthorizer[key], key).toBeUndefined();
          continue;
        }
        expect(routeAuthorizer[key], key).toBe(byName[route.auth]?.id);
        api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: key,
          AuthorizationType: 'JWT',
          AuthorizationScopes: route.auth === 'service' ? [route.scope] : Match.absent(),
        });
      }
    },
  );

  it('the old issuer/audience parameters are gone', () => {
    const parameters = Object.keys(Template.fromStack(real.api).toJSON().Parameters ?? {});
    expect(parameters).not.toContain('JwtIssuer');
    expect(parameters).not.toContain('JwtAudience');
  });
});

describe('route throttling', () => {
  it('applies a route’s throttle as route settings on the stage, after the route exists', () => {
    const api = Template.fromStack(fixture.api);
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        'GET /api/rights': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        'POST /api/organisations/{enterpriseNumber}/national-register-lookups': {
          ThrottlingRateLimit: 2,
          ThrottlingBurstLimit: 5,
        },
      },
    });
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0] as { DependsOn?: string[] };
    const routeIds = Object.entries(api.findResources('AWS::ApiGatewayV2::Route'))
      .filter(
        ([, r]) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey === 'GET /api/rights',
      )
      .map(([id]) => id);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('sets route settings for exactly the routes of the shared table that ask for throttling', () => {
    const throttled = routes.filter((r) => r.throttle);
    const stage = Template.fromStack(real.api).findResources('AWS::ApiGatewayV2::Stage');
    const settings = (Object.values(stage)[0] as { Properties: { RouteSettings?: Record<string, unknown> } })
      .Properties.RouteSettings;
    expect(Object.keys(settings ?? {}).sort()).toEqual(throttled.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('checks', () => {
  it.each([
    ['shared route table', () => real],
    ['fixture with a service route', () => fixture],
  ] as const)('%s: no unacknowledged cdk-nag findings (AwsSolutions, Serverless)', (_name, built) => {
    const { app } = built();
    expect(unacknowledgedFindings(app)).toEqual([]);
  });

  it('identity stack: no CDK warnings or errors', () => {
    const annotations = Annotations.fromStack(real.identity);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('synthesizes the fixture tree with the checks as validation plugins', () => {
    const { app } = buildApp({ routes: fixtureRoutes });
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
  });
});
