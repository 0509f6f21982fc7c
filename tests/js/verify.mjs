// Checks the account service with code that is not ours: a token verified by the npm "jose"
// library against the published JWKS, and the credentials file of the token's server checked
// against the token with Node's own crypto.   node verify.mjs <service-url> <sandbox-owner.json>
import { createRemoteJWKSet, jwtVerify, decodeJwt, errors } from 'jose';
import { createHmac, hkdfSync, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const [url, ownerFile] = process.argv.slice(2);
const owner = JSON.parse(readFileSync(ownerFile, 'utf8'));
let session = '';

async function call(method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(session ? { Authorization: `Bearer ${session}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json.message}`);
  return json;
}

const b64u = (s) => Buffer.from(s, 'base64url');

function checkCredentials(credentials, jwtClaims) {
  const secret = b64u(jwtClaims['1password.com/token']);
  const salt = b64u(credentials.verifier.salt);
  const localHash = createHmac('sha256', salt).update(secret).digest();
  if (!localHash.equals(b64u(credentials.verifier.localHash))) return false;
  assert.equal(credentials.uniqueKey.k, jwtClaims['1password.com/token']);
  const key = Buffer.from(hkdfSync('sha256', secret, salt, Buffer.from('connect-admin/credentials/v1'), 32));
  const data = b64u(credentials.encCredentials.data);
  const decipher = createDecipheriv('aes-256-gcm', key, b64u(credentials.encCredentials.iv));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const identity = JSON.parse(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString());
  assert.equal(identity.server, jwtClaims.sub);
  assert.equal(identity.account, jwtClaims['1password.com/auuid']);
  assert.equal(identity.url, jwtClaims.iss);
  return true;
}

session = (await call('POST', '/v1/auth/sessions', { email: owner.email, password: owner.password })).token;
const created = await call('POST', '/v1/connect/servers', { name: 'jose check', vaults: ['Kubernetes', 'Customers'] });
const other = await call('POST', '/v1/connect/servers', { name: 'other server', vaults: ['Kubernetes'] });
const { credentials, server } = created;
assert.deepEqual(Object.keys(credentials).sort(), ['deviceUuid', 'encCredentials', 'uniqueKey', 'verifier', 'version']);
assert.equal(credentials.encCredentials.enc, 'A256GCM');
assert.equal(credentials.encCredentials.cty, 'b5+jwk+json');
assert.deepEqual(credentials.uniqueKey.key_ops, ['encrypt', 'decrypt']);

const issued = await call('POST', '/v1/connect/tokens', {
  name: 'Dev k8s token', server: server.id, expires_in: '30d',
  vaults: [{ vault: 'Kubernetes', access: 'read' }, { vault: 'Customers', access: 'write' }],
});

const jwks = createRemoteJWKSet(new URL(url + '/.well-known/jwks.json'));
const { payload, protectedHeader } = await jwtVerify(issued.jwt, jwks, {
  issuer: url, audience: 'com.1password.connect', algorithms: ['ES256'],
});
assert.equal(protectedHeader.alg, 'ES256');
assert.equal(protectedHeader.typ, 'JWT');
assert.ok(protectedHeader.kid);
assert.equal(payload.sub, server.id);
assert.equal(payload.jti, issued.token.id);
assert.equal(payload.exp - payload.iat, 30 * 86400);
assert.deepEqual(payload['1password.com/fts'], ['vaultaccess']);
const acl = Object.fromEntries(payload['1password.com/vts'].map((v) => [v.u, v.a]));
const vaults = (await call('GET', '/v1/vaults')).items;
const idOf = (name) => vaults.find((v) => v.name === name).id;
assert.equal(acl[idOf('Kubernetes')], 48);
assert.equal(acl[idOf('Customers')], 960);

// The credentials file belongs to this token's server, and not to another server's token.
assert.ok(checkCredentials(credentials, payload));
const otherToken = await call('POST', '/v1/connect/tokens', { name: 'x', server: other.server.id });
assert.equal(checkCredentials(credentials, decodeJwt(otherToken.jwt)), false);

// A token whose signature was tampered with is refused by jose.
const [h, p, s] = issued.jwt.split('.');
const flipped = s[0] === 'A' ? 'B' + s.slice(1) : 'A' + s.slice(1);
await assert.rejects(jwtVerify(`${h}.${p}.${flipped}`, jwks), errors.JWSSignatureVerificationFailed);
// So is one whose claims were changed after signing.
const forged = Buffer.from(JSON.stringify({ ...payload, sub: other.server.id })).toString('base64url');
await assert.rejects(jwtVerify(`${h}.${forged}.${s}`, jwks), errors.JWSSignatureVerificationFailed);

console.log(`jose ${'5.9.6'}: token verified against the JWKS; credentials file matches its server's token and not another's`);
