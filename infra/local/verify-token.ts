/**
 * Verifies access tokens for the local gateway as strictly as API Gateway's JWT authorizer: RS256 only,
 * keys from the issuer's JWKS only, issuer, audience and lifetime checked. It adds what RFC 8725 and
 * RFC 9068 ask of access tokens (no key-carrying headers, `typ: at+jwt`, `token_use: access`), so an
 * ID token cannot be used as an access token.
 */
import { createLocalJWKSet, decodeProtectedHeader, errors, type JSONWebKeySet, jwtVerify } from 'jose';

/** Why a token was refused. Safe to log: it never contains the token or its claims. */
export type TokenRejectedReason =
  | 'missing-token'
  | 'not-bearer'
  | 'malformed'
  | 'alg-not-allowed'
  | 'forbidden-header'
  | 'wrong-typ'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'not-access-token'
  | 'invalid-claims';

export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejectedReason) {
    super(`Token geweigerd: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export interface VerifiedToken {
  claims: Record<string, unknown>;
  scopes: string[];
}

export interface TokenVerifierOptions {
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
}

export interface TokenVerifier {
  verify(authorizationHeader: string | undefined): Promise<VerifiedToken>;
}

/** Headers that let the token name its own key; trusting them lets anyone sign (RFC 8725 §3.10). */
const KEY_HEADERS = ['jku', 'jwk', 'x5u', 'x5c'] as const;
const BEARER = /^Bearer +(\S+)$/i;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** RFC 7515 §4.1.9: a `typ` may carry the `application/` prefix and is compared case-insensitively. */
function isAccessTokenType(typ: unknown): boolean {
  return typeof typ === 'string' && typ.toLowerCase().replace(/^application\//, '') === 'at+jwt';
}

function reasonFor(error: unknown): TokenRejectedReason {
  if (error instanceof TokenRejectedError) return error.reason;
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'nbf') return 'not-yet-valid';
    if (error.claim === 'typ') return 'wrong-typ';
    return 'invalid-claims';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'alg-not-allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'unknown-key';
  }
  return 'malformed';
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { issuer, audience, clockToleranceSeconds = 60 } = options;
  const keys = createLocalJWKSet(options.jwks);

  const verifyToken = async (token: string): Promise<VerifiedToken> => {
    // Header checks come before any cryptography, so a hostile header never reaches key selection.
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'RS256') throw new TokenRejectedError('alg-not-allowed');
    if (KEY_HEADERS.some((name) => name in header)) throw new TokenRejectedError('forbidden-header');
    if (!isAccessTokenType(header.typ)) throw new TokenRejectedError('wrong-typ');

    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      issuer,
      audience,
      clockTolerance: clockToleranceSeconds,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    if (payload.token_use !== 'access') throw new TokenRejectedError('not-access-token');
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { claims: { ...payload }, scopes };
  };

  return {
    async verify(authorizationHeader) {
      if (!authorizationHeader) throw new TokenRejectedError('missing-token');
      const token = BEARER.exec(authorizationHeader.trim())?.[1];
      if (!token) throw new TokenRejectedError('not-bearer');
      if (!COMPACT_JWS.test(token)) throw new TokenRejectedError('malformed');
      try {
        return await verifyToken(token);
      } catch (error) {
        throw new TokenRejectedError(reasonFor(error));
      }
    },
  };
}
