import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** The instance's session-token signing key (RS256), made fresh at every start, and its secret key. */
export interface InstanceKeys {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK (`kty, n, e, kid, alg, use`), as Clerk's `/v1/jwks` lists it. */
  jwk: { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };
  /** PEM of the public key (what `@clerk/backend` takes as `jwtKey` for networkless verification). */
  publicKeyPem: string;
  /** `sk_test_…`: the Backend API accepts only this bearer token. */
  secretKey: string;
}

export function generateInstanceKeys(): InstanceKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `ins_emulator_${randomBytes(6).toString('hex')}`;
  const pub = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return {
    kid,
    privateKey,
    jwk: { kty: 'RSA', n: pub.n, e: pub.e, kid, alg: 'RS256', use: 'sig' },
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    secretKey: `sk_test_emulator${randomBytes(18).toString('base64url')}`,
  };
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/** A compact RS256 JWS with the key's `kid`. */
export function signJwt(keys: InstanceKeys, payload: Record<string, unknown>): string {
  const header = { alg: 'RS256', kid: keys.kid, typ: 'JWT' };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(keys.privateKey);
  return `${input}.${b64url(signature)}`;
}
