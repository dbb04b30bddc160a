// Checking the public record (公信链) in the browser, with WebCrypto only:
// the record is an RFC 6962 (Certificate Transparency) Merkle tree over its
// entries, and its tree heads are signed with Ed25519 (domain/ledger).
//
//   leaf hash = SHA-256(0x00 || the entry's canonical leaf text, UTF-8)
//   node hash = SHA-256(0x01 || left || right)
//
// An entry is in a head's tree when its audit path folds its leaf hash up
// to the head's root (RFC 9162 §2.1.3.2, the algorithm of
// transparency-dev/merkle's proof.VerifyInclusion).

type Bytes = Uint8Array<ArrayBuffer>;

/** hexToBytes reads lowercase or uppercase hex; it throws on anything else. */
export function hexToBytes(hex: string): Bytes {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not hex: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** bytesToHex writes bytes as lowercase hex. */
export function bytesToHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/** base64ToBytes reads standard base64. */
export function base64ToBytes(s: string): Bytes {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** leafHash is the RFC 6962 hash of a leaf: SHA-256 of 0x00 and the UTF-8 bytes of the leaf text. */
export function leafHash(leaf: string): Promise<Bytes> {
  return sha256(concat(new Uint8Array([0]), new TextEncoder().encode(leaf)));
}

/** nodeHash is the RFC 6962 hash of an inner node: SHA-256 of 0x01, left and right. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Bytes> {
  return sha256(concat(new Uint8Array([1]), left, right));
}

/**
 * rootFromInclusion folds a leaf hash at index in a tree of size leaves up
 * its audit path and returns the root it reaches, or null when the path
 * cannot belong to such a tree (index out of range, too long or too short).
 */
export async function rootFromInclusion(index: number, size: number, leaf: Uint8Array, path: Uint8Array[]): Promise<Bytes | null> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r: Bytes = new Uint8Array(leaf);
  const half = (n: number) => Math.floor(n / 2);
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** verifyInclusion reports whether the audit path proves the leaf hash at index in the tree of size leaves with root. */
export async function verifyInclusion(index: number, size: number, leaf: Uint8Array, path: Uint8Array[], root: Uint8Array): Promise<boolean> {
  const got = await rootFromInclusion(index, size, leaf, path);
  return got !== null && equal(got, root);
}

/** EntryCheck is what checking one entry found: it holds, its leaf text does not give its leaf hash, or its path does not reach the root. */
export type EntryCheck = "ok" | "leaf" | "path";

/** leafSeq reads the seq a leaf text states, or null when it is no entry's leaf. */
export function leafSeq(leaf: string): number | null {
  try {
    const seq: unknown = JSON.parse(leaf)?.seq;
    return typeof seq === "number" && Number.isSafeInteger(seq) ? seq : null;
  } catch {
    return null;
  }
}

/**
 * checkEntry checks an entry of the record against a signed head: that its
 * leaf text states its number, that SHA-256(0x00 || leaf) is its leaf hash,
 * and that its inclusion path folds that hash up to the head's root at the
 * entry's number. All hashes are hex.
 */
export async function checkEntry(
  entry: { seq: number; leaf: string; leafHash: string; inclusion: readonly string[] },
  head: { size: number; root: string },
): Promise<EntryCheck> {
  if (leafSeq(entry.leaf) !== entry.seq) return "leaf";
  const h = await leafHash(entry.leaf);
  if (bytesToHex(h) !== entry.leafHash.toLowerCase()) return "leaf";
  const ok = await verifyInclusion(entry.seq, head.size, h, entry.inclusion.map(hexToBytes), hexToBytes(head.root));
  return ok ? "ok" : "path";
}

/** SignatureCheck is what checking a head's signature found; unsupported when the browser has no Ed25519 in WebCrypto. */
export type SignatureCheck = "ok" | "bad" | "unsupported";

/**
 * cryptoAvailable reports whether WebCrypto is there at all: browsers offer
 * it only to secure pages (https, or localhost).
 */
export function cryptoAvailable(): boolean {
  return typeof crypto !== "undefined" && !!crypto.subtle;
}

/**
 * verifySignature checks an Ed25519 signature (base64) over the UTF-8
 * bytes of message with a raw public key (base64), with WebCrypto.
 */
export async function verifySignature(publicKey: string, message: string, signature: string): Promise<SignatureCheck> {
  if (!cryptoAvailable()) return "unsupported";
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("raw", base64ToBytes(publicKey), { name: "Ed25519" }, false, ["verify"]);
  } catch (e) {
    // A browser without Ed25519 says NotSupportedError; a malformed key is a DataError.
    return e instanceof DOMException && e.name === "NotSupportedError" ? "unsupported" : "bad";
  }
  try {
    const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, base64ToBytes(signature), new TextEncoder().encode(message));
    return ok ? "ok" : "bad";
  } catch {
    return "bad"; // a signature that is not base64
  }
}

/** HeadFields are what a signed head message states, line by line. */
export interface HeadFields {
  community: string;
  size: number;
  root: string;
  at: string;
}

/**
 * parseHeadMessage reads a signed head's message (Head.Message in
 * domain/ledger: yishi-record-head/v1, the community, the size, the root in
 * hex and the time, one a line), or returns null when it is not one.
 */
export function parseHeadMessage(message: string): HeadFields | null {
  const lines = message.split("\n");
  if (lines.length !== 5 || lines[0] !== "yishi-record-head/v1" || !/^(0|[1-9][0-9]*)$/.test(lines[2]) || !/^[0-9a-f]{64}$/.test(lines[3])) {
    return null;
  }
  return { community: lines[1], size: Number(lines[2]), root: lines[3], at: lines[4] };
}

/**
 * checkHead checks a signed head as the page shows it: the Ed25519
 * signature over its message, and that the message states the size and
 * root shown. A message that states others is "bad", however well signed.
 */
export async function checkHead(
  publicKey: string,
  head: { size: number; root: string; message: string; signature: string },
): Promise<SignatureCheck> {
  const fields = parseHeadMessage(head.message);
  const sig = await verifySignature(publicKey, head.message, head.signature);
  if (sig !== "ok") return sig;
  return fields && fields.size === head.size && fields.root === head.root.toLowerCase() ? "ok" : "bad";
}
