/**
 * Discord's side of an HTTP interactions endpoint, for tests and the load benchmark: a real
 * Ed25519 key pair made here, requests signed as Discord signs them (X-Signature-Ed25519 over
 * X-Signature-Timestamp + the raw body), and the endpoint's responses recorded in the loopback
 * Discord as if they had reached its callback endpoint, so webhook edits and finalMessage work.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { FakeDiscord } from './fake-discord.ts';

export interface SigningKeys {
  /** 64 hex characters, as the Developer Portal shows an application's public key. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function signingKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

/** The two headers Discord sends, for a body and a time (Unix seconds, default now). */
export function signatureHeaders(keys: SigningKeys, body: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const ts = String(timestamp);
  const signature = sign(null, Buffer.concat([Buffer.from(ts), Buffer.from(body)]), keys.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts };
}

export interface HttpReply {
  status: number;
  json: any;
  text: string;
}

/** POSTs a body to the endpoint with the given headers (signed ones, or tampered, or none). */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<HttpReply> {
  const res = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

/** Discord delivering one interaction to the endpoint: signed, sent, and its response recorded by the loopback Discord. */
export async function deliver(fake: FakeDiscord, endpoint: string, keys: SigningKeys, payload: any): Promise<HttpReply> {
  const body = JSON.stringify(payload);
  const reply = await post(endpoint, body, signatureHeaders(keys, body));
  if (reply.status === 200 && payload.id && reply.json?.type !== 1) {
    const accepted = fake.acceptResponse(payload.id, reply.json);
    if (accepted.status >= 300) throw new Error(`the loopback Discord refused the endpoint's response (${accepted.status}): ${JSON.stringify(accepted.json)}`);
  }
  return reply;
}
