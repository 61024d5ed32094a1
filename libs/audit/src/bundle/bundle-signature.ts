import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/** An Ed25519 signature over the root digest (its hex text), with the public key that checks it. */
export interface BundleSignature {
  algorithm: 'Ed25519';
  /** SPKI, PEM. */
  publicKey: string;
  /** Base64. */
  signature: string;
}

/** Signs the root digest with the office's Ed25519 private key (PKCS#8 PEM). */
export function signRootDigest(rootDigest: string, privateKeyPem: string): BundleSignature {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key is ${key.asymmetricKeyType}, not Ed25519`);
  return {
    algorithm: 'Ed25519',
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, Buffer.from(rootDigest), key).toString('base64'),
  };
}

/**
 * Whether the signature holds over the root digest; with `trustedPublicKey`, also whether it is
 * that key's (a bundle signed by anyone else's key is not the office's).
 */
export function checkRootSignature(rootDigest: string, signature: BundleSignature, trustedPublicKey?: string): string | undefined {
  if (signature.algorithm !== 'Ed25519') return `unknown signature algorithm ${String(signature.algorithm)}`;
  const key = createPublicKey(signature.publicKey);
  if (trustedPublicKey !== undefined) {
    const trusted = createPublicKey(trustedPublicKey).export({ type: 'spki', format: 'der' });
    if (!trusted.equals(key.export({ type: 'spki', format: 'der' }))) return 'signed with a key other than the trusted one';
  }
  return verify(null, Buffer.from(rootDigest), key, Buffer.from(signature.signature, 'base64'))
    ? undefined
    : 'the signature does not match the root digest';
}
