// Digital Bazaar's reference VC libraries against keurmerk credentials, fully offline.
//
//   node interop.mjs verify CREDENTIAL.json ISSUER.json   -> {"verified": true|false, ...}
//   node interop.mjs issue CREDENTIAL.json                -> {"verifiableCredential": ..., "issuer": ...}
//
// Contexts come from keurmerk/contexts (the same files the keurmerk ships); the issuer's
// controller document is read from ISSUER.json; did:key documents are made from the key
// itself. Any other URL is refused, so nothing is fetched from the network.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const here = dirname(fileURLToPath(import.meta.url));
const contextDir = join(here, '..', '..', 'keurmerk', 'contexts');
const index = JSON.parse(readFileSync(join(contextDir, 'index.json'), 'utf8'));
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));

function loader(controllers) {
  return async url => {
    if(index[url]) {
      return {contextUrl: null, documentUrl: url, document: readJson(join(contextDir, index[url]))};
    }
    const base = url.split('#')[0];
    for(const controller of controllers) {
      if(controller.id === base) {
        const method = (controller.verificationMethod || []).find(m => m.id === url);
        const document = method ?
          {'@context': 'https://w3id.org/security/multikey/v1', ...method} : controller;
        return {contextUrl: null, documentUrl: url, document};
      }
    }
    if(base.startsWith('did:key:')) {
      const fragment = base.slice('did:key:'.length);
      const key = await Ed25519Multikey.from({
        '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey',
        id: `${base}#${fragment}`, controller: base, publicKeyMultibase: fragment
      });
      const method = await key.export({publicKey: true, includeContext: true});
      const document = url.includes('#') ? method : {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: base, verificationMethod: [method], assertionMethod: [method.id],
        authentication: [method.id]
      };
      return {contextUrl: null, documentUrl: url, document};
    }
    throw new Error(`refusing to load ${url} (offline)`);
  };
}

function errorsOf(result) {
  const errors = [];
  const add = e => e && errors.push(String(e.message || e));
  add(result.error);
  for(const r of result.results || []) {
    add(r.error);
  }
  return errors;
}

async function verify(credentialPath, issuerPath) {
  const credential = readJson(credentialPath);
  const controllers = issuerPath ? [readJson(issuerPath)] : [];
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({
    credential, suite, documentLoader: loader(controllers),
    // status lists are the keurmerk's own business: this checks proof and data model
    checkStatus: async () => ({verified: true})
  });
  return {verified: result.verified, errors: errorsOf(result)};
}

async function issue(credentialPath) {
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  const credential = readJson(credentialPath);
  credential.issuer = typeof credential.issuer === 'object' ?
    {...credential.issuer, id: did} : did;
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022});
  const verifiableCredential = await vc.issue({
    credential, suite, documentLoader: loader([])
  });
  return {verifiableCredential, issuer: did};
}

const [command, ...args] = process.argv.slice(2);
try {
  const output = command === 'verify' ? await verify(...args) :
    command === 'issue' ? await issue(...args) : null;
  if(!output) {
    throw new Error('usage: node interop.mjs verify CREDENTIAL ISSUER | issue CREDENTIAL');
  }
  process.stdout.write(JSON.stringify(output) + '\n');
} catch(error) {
  process.stdout.write(JSON.stringify({verified: false, errors: [String(error.stack || error)]}) + '\n');
  process.exitCode = 2;
}
