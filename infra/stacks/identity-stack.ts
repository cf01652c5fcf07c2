import {
  CfnOutput,
  CfnParameter,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolIdentityProviderOidc,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type Route, routes as routeTable } from '#functions/routes';
import { ApiFunction } from '#infra/constructs/api-function';
import { pseudonymKeyExtension, pseudonymKeyParameter, TableAccess } from '#infra/constructs/table-access';

/** Name of the ACM identity provider in the pool: the UI sends `identity_provider=ACM` to skip the chooser. */
export const ACM_PROVIDER_NAME = 'ACM';
/** Resource server of the API; its scopes are `access/<name>`. */
export const RESOURCE_SERVER_IDENTIFIER = 'access';
/** The one scope the portal (kmo-portefeuille) may request: the access check. */
export const PORTAL_SCOPE = 'access/check';
/** Default name of the Secrets Manager secret holding ACM's client secret (the whole SecretString). */
export const DEFAULT_ACM_CREDENTIAL_NAME = 'gebruikersbeheer/acm-client-secret';

/**
 * The attributes ACM fills in at every login. Mapped attributes must be mutable and writable by the
 * app client, or Cognito fails the federated sign-in when it updates them; so the national number is
 * mutable, and what keeps a person from changing their own is that the web client does not get the
 * `aws.cognito.signin.user.admin` scope that UpdateUserAttributes needs.
 */
const CUSTOM_ATTRIBUTES = ['national_number', 'amr', 'acr'] as const;

/** Scopes of the resource server: the portal's scope plus every scope the route table asks for. */
function resourceServerScopes(routes: readonly Route[]): ResourceServerScope[] {
  const scopes = new Set([PORTAL_SCOPE, ...routes.flatMap((route) => (route.scope ? [route.scope] : []))]);
  return [...scopes].map((scope) => {
    const [identifier, scopeName, ...rest] = scope.split('/');
    if (identifier !== RESOURCE_SERVER_IDENTIFIER || !scopeName || rest.length > 0) {
      throw new Error(`scope ${scope} must have the form ${RESOURCE_SERVER_IDENTIFIER}/<name>`);
    }
    return new ResourceServerScope({ scopeName, scopeDescription: `Gebruikersbeheer API: ${scopeName}` });
  });
}

export interface IdentityStackProps extends StackProps {
  /** The admin UI's origin (hosting stack, `https://<id>.cloudfront.net`): its callback and logout URLs. */
  webUrl: string;
  /** The route table, for the scopes of the resource server; the shared one unless a test passes its own. */
  routes?: readonly Route[];
  /** The table: the pre token generation trigger records logins in it (UpdateItem only). */
  table?: ITable;
}

/**
 * The stateful identity stack: a Cognito user pool federated to ACM (the Flemish government's Access
 * Control Management) over OIDC, with its hosted login, an app client for the admin UI and a
 * client-credentials app client for the portal. The pool holds the federated user profiles, so it is
 * retained and deletion-protected like the table.
 *
 * Nobody signs in with a Cognito password: people log in at ACM (eID, itsme, ...) and Cognito only
 * relays that login as its own tokens; the portal authenticates with its client secret.
 */
export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly helpdeskGroup: UserPoolGroup;
  readonly acm: UserPoolIdentityProviderOidc;
  readonly domain: UserPoolDomain;
  readonly resourceServer: UserPoolResourceServer;
  /** The admin UI: authorization code flow with PKCE, no secret, ACM as the only identity provider. */
  readonly webClient: UserPoolClient;
  /** The portal (kmo-portefeuille): client credentials with a secret, only the `access/check` scope. */
  readonly portalClient: UserPoolClient;
  readonly preTokenGeneration: ApiFunction;
  /** The `iss` of the pool's tokens, as the JWT authorizers expect it. */
  readonly issuerUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: hosted login, token endpoint, logout. */
  readonly hostedLoginUrl: string;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    // Strong (CloudFormation exports), as in the API and workflow stacks: the table the login trigger
    // writes to cannot be dropped from under it.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    // Parameters, like the API stack: ACM's registration and the URLs differ per environment.
    const acmIssuer = new CfnParameter(this, 'AcmIssuerUrl', {
      type: 'String',
      allowedPattern: '^https://\\S+$',
      description:
        'OIDC issuer URL of ACM (e.g. https://authenticatie.vlaanderen.be/op); endpoints are discovered',
    });
    const acmClientId = new CfnParameter(this, 'AcmClientId', {
      type: 'String',
      minLength: 1,
      description: 'Client id of this application, as registered at ACM',
    });
    // A name, not the secret: the value stays in Secrets Manager and reaches Cognito through a dynamic
    // reference, so it is never in the template, the parameters or the stack events.
    const acmCredentialName = new CfnParameter(this, 'AcmCredentialName', {
      type: 'String',
      default: DEFAULT_ACM_CREDENTIAL_NAME,
      minLength: 1,
      description: 'Name or ARN of the Secrets Manager secret whose SecretString is the ACM client secret',
    });
    const acmScopes = new CfnParameter(this, 'AcmScopes', {
      type: 'String',
      default: 'openid profile rrn',
      description: 'Scopes requested from ACM, space separated; "rrn" yields the national number claim',
    });
    const acmNationalNumberClaim = new CfnParameter(this, 'AcmNationalNumberClaim', {
      type: 'String',
      default: 'rrn',
      description: "Name of ACM's claim carrying the national register number",
    });
    const domainPrefix = new CfnParameter(this, 'HostedLoginDomainPrefix', {
      type: 'String',
      // Cognito's rule for prefixes; it also refuses prefixes containing aws, amazon or cognito.
      allowedPattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
      description: 'Prefix of the hosted login domain: <prefix>.auth.<region>.amazoncognito.com',
    });
    this.userPool = new UserPool(this, 'UserPool', {
      // Essentials: needed for access-token customisation (the V2_0 pre token generation event).
      featurePlan: FeaturePlan.ESSENTIALS,
      // Users come into being by federating from ACM only.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      // No e-mail or phone in the pool to recover with; a person recovers their access at ACM.
      accountRecovery: AccountRecovery.NONE,
      standardAttributes: {
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      customAttributes: {
        national_number: new StringAttribute({ minLen: 11, maxLen: 11, mutable: true }),
        amr: new StringAttribute({ maxLen: 2048, mutable: true }),
        acr: new StringAttribute({ maxLen: 2048, mutable: true }),
      },
      // No user has a password here. Should one ever be created by an administrator, it gets a strong one.
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(1),
      },
      mfa: Mfa.OFF,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The helpdesk (VLAIO 1700): membership puts `cognito:groups: ["helpdesk"]` in the access token,
    // which the helpdesk routes require (read only; every read logged in the organisation's audit trail).
    this.helpdeskGroup = new UserPoolGroup(this, 'HelpdeskGroup', {
      userPool: this.userPool,
      groupName: 'helpdesk',
      description: 'VLAIO-helpdesk (1700): leest elke organisatie, wijzigt niets; elke inzage wordt gelogd',
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Federated-only pool: every person authenticates at ACM with eID or itsme (multi-factor by nature); Cognito MFA would never be asked for a federated login.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials plan (needed for access-token customisation): Plus only adds threat protection for sign-ins with Cognito credentials, and this pool has none; people sign in at ACM, the portal with its client secret.',
      },
    );

    this.acm = new UserPoolIdentityProviderOidc(this, 'Acm', {
      userPool: this.userPool,
      name: ACM_PROVIDER_NAME,
      issuerUrl: acmIssuer.valueAsString,
      clientId: acmClientId.valueAsString,
      clientSecret: SecretValue.secretsManager(acmCredentialName.valueAsString).unsafeUnwrap(),
      scopes: [acmScopes.valueAsString],
      attributeMapping: {
        givenName: ProviderAttribute.other('given_name'),
        familyName: ProviderAttribute.other('family_name'),
        // Keys are user pool attribute names as Cognito's AttributeMapping wants them, prefix included.
        custom: {
          'custom:national_number': ProviderAttribute.other(acmNationalNumberClaim.valueAsString),
          // Optional: Cognito maps a claim only when ACM sends it.
          'custom:amr': ProviderAttribute.other('amr'),
          'custom:acr': ProviderAttribute.other('acr'),
        },
      },
    });

    this.domain = this.userPool.addDomain('HostedLogin', {
      cognitoDomain: { domainPrefix: domainPrefix.valueAsString },
    });

    const scopes = resourceServerScopes(props.routes ?? routeTable);
    this.resourceServer = this.userPool.addResourceServer('Api', {
      identifier: RESOURCE_SERVER_IDENTIFIER,
      userPoolResourceServerName: 'Gebruikersbeheer API',
      scopes,
    });
    const portalScope = scopes.find((s) => `${RESOURCE_SERVER_IDENTIFIER}/${s.scopeName}` === PORTAL_SCOPE)!;

    // Only refresh tokens: no username/password, SRP or custom flows on either client.
    const noDirectSignIn = {
      userPassword: false,
      adminUserPassword: false,
      custom: false,
      userSrp: false,
      user: false,
    };
    const profileAttributes = new ClientAttributes()
      .withStandardAttributes({ givenName: true, familyName: true })
      .withCustomAttributes(...CUSTOM_ATTRIBUTES);

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'gebruikersbeheer-web',
      // A public client (single-page app): no secret, so the UI must use PKCE (S256) with the code flow.
      // Cognito has no switch to demand PKCE; without a secret, the code verifier is what protects the code.
      generateSecret: false,
      authFlows: noDirectSignIn,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // openid only: no aws.cognito.signin.user.admin, so a person cannot edit their own attributes
        // (such as the national number) with the access token. The API needs the access token only.
        scopes: [OAuthScope.OPENID],
        // The UI's routes (web/src/app/auth.tsx): /auth/callback after login, / after logout.
        callbackUrls: [`${props.webUrl}/auth/callback`],
        logoutUrls: [`${props.webUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.custom(ACM_PROVIDER_NAME)],
      readAttributes: profileAttributes,
      // Cognito writes the mapped attributes at every login through this client: they must be writable.
      writeAttributes: profileAttributes,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      // A working day; then the person passes ACM again.
      refreshTokenValidity: Duration.hours(10),
    });
    // The client names the provider by name only; the provider must exist first.
    this.webClient.node.addDependency(this.acm);

    this.portalClient = this.userPool.addClient('PortalClient', {
      userPoolClientName: 'kmo-portefeuille',
      generateSecret: true,
      authFlows: noDirectSignIn,
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [OAuthScope.resourceServer(this.resourceServer, portalScope)],
      },
      // Client credentials involve no person, hence no identity provider, and no user attribute to read
      // or write: an explicit empty list, not Cognito's default of every standard attribute.
      supportedIdentityProviders: [],
      readAttributes: new ClientAttributes(),
      writeAttributes: new ClientAttributes(),
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(60),
    });

    // Cognito access tokens carry no user attributes: this trigger copies the national number in.
    // It also records each login (method, time) for the person page's Accounts tab: UpdateItem only.
    const tableAccess = props.table
      ? new TableAccess(this, 'TableAccess', {
          table: props.table,
          secretParameterName: pseudonymKeyParameter(this).valueAsString,
        })
      : undefined;
    this.preTokenGeneration = new ApiFunction(this, 'PreTokenGeneration', {
      entry: 'functions/pre-token-generation/handler.ts',
      description: 'Cognito pre token generation: national number from ACM into the access token',
      // Cognito waits at most 5 seconds for a trigger.
      timeout: Duration.seconds(5),
      ...(tableAccess
        ? { environment: { ...tableAccess.environment }, paramsAndSecrets: pseudonymKeyExtension('write') }
        : {}),
    });
    tableAccess?.grantUpdateItem(this.preTokenGeneration);
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenGeneration,
      LambdaVersion.V2_0,
    );

    this.issuerUrl = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;

    this.hostedLoginUrl = this.domain.baseUrl();
    const hostedLogin = this.hostedLoginUrl;
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'IssuerUrl', { value: this.issuerUrl });
    new CfnOutput(this, 'HostedLoginUrl', { value: hostedLogin });
    new CfnOutput(this, 'AcmRedirectUri', {
      value: `${hostedLogin}/oauth2/idpresponse`,
      description: 'Register this redirect URI for the client at ACM',
    });
    new CfnOutput(this, 'TokenEndpoint', { value: `${hostedLogin}/oauth2/token` });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'PortalClientId', {
      value: this.portalClient.userPoolClientId,
      description: 'The secret: aws cognito-idp describe-user-pool-client --user-pool-id ... --client-id ...',
    });
  }
}
