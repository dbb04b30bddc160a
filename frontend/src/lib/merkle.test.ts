import { describe, expect, it } from "vitest";
import {
  bytesToHex,
  checkEntry,
  checkHead,
  hexToBytes,
  leafHash,
  parseHeadMessage,
  rootFromInclusion,
  verifyInclusion,
  verifySignature,
} from "./merkle";

// Vectors printed by the Go code (domain/ledger: MemoryRecord, Entry.Leaf,
// RootOf, and transparency-dev/merkle's proof.VerifyInclusion checked each
// path) for a record of 7 entries of community 65f0c0ffee0000000000beef.
const VECTORS: { leaf: string; leafHash: string; index: number; size: number; path: string[]; root: string }[] = [
  {
    leaf: "{\"at\":\"2024-10-01T08:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"decision\":\"accept\",\"note\":\"\",\"title\":\"村口停车难\",\"topic\":\"VG9waWM6MQ\"},\"role\":\"committee\",\"seq\":0,\"subject\":\"VG9waWM6MQ\",\"type\":\"screening\"}",
    leafHash: "92c6f8eb5a9435bc5fd2a4a8d6d3dad7c321a01df650e64c830bd59c7e24e2eb",
    index: 0,
    size: 1,
    path: [],
    root: "92c6f8eb5a9435bc5fd2a4a8d6d3dad7c321a01df650e64c830bd59c7e24e2eb",
  },
  {
    leaf: "{\"at\":\"2024-10-01T08:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"decision\":\"accept\",\"note\":\"\",\"title\":\"村口停车难\",\"topic\":\"VG9waWM6MQ\"},\"role\":\"committee\",\"seq\":0,\"subject\":\"VG9waWM6MQ\",\"type\":\"screening\"}",
    leafHash: "92c6f8eb5a9435bc5fd2a4a8d6d3dad7c321a01df650e64c830bd59c7e24e2eb",
    index: 0,
    size: 2,
    path: [
      "ef7cced6608bcd6052964065c91df38ec7c7f25cff038f952db4db786160b7df",
    ],
    root: "7ade7407c63e23b554b0c37e66e248adad50edcc84ab04742c9624fa736d03b1",
  },
  {
    leaf: "{\"at\":\"2024-10-01T09:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"count\":3,\"eligibleCount\":12,\"seed\":\"s\",\"topic\":\"VG9waWM6MQ\"},\"role\":\"committee\",\"seq\":1,\"subject\":\"VG9waWM6Mg\",\"type\":\"draw\"}",
    leafHash: "ef7cced6608bcd6052964065c91df38ec7c7f25cff038f952db4db786160b7df",
    index: 1,
    size: 2,
    path: [
      "92c6f8eb5a9435bc5fd2a4a8d6d3dad7c321a01df650e64c830bd59c7e24e2eb",
    ],
    root: "7ade7407c63e23b554b0c37e66e248adad50edcc84ab04742c9624fa736d03b1",
  },
  {
    leaf: "{\"at\":\"2024-10-01T10:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"passed\":true,\"text\":\"设临时停车场 \\\"东侧\\\" <入口>\",\"yes\":5},\"role\":\"committee\",\"seq\":2,\"subject\":\"VG9waWM6Mw\",\"type\":\"vote_result\"}",
    leafHash: "67e88c2a2baff19335cfe007829e12e133c75e5d7aa98c71bfe1d36f0620f1b6",
    index: 2,
    size: 3,
    path: [
      "7ade7407c63e23b554b0c37e66e248adad50edcc84ab04742c9624fa736d03b1",
    ],
    root: "d6c2fee8a7dcfc06942065c89139edf9f4f843c40cb42a1ea4c871afeef03d20",
  },
  {
    leaf: "{\"at\":\"2024-10-01T08:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"decision\":\"accept\",\"note\":\"\",\"title\":\"村口停车难\",\"topic\":\"VG9waWM6MQ\"},\"role\":\"committee\",\"seq\":0,\"subject\":\"VG9waWM6MQ\",\"type\":\"screening\"}",
    leafHash: "92c6f8eb5a9435bc5fd2a4a8d6d3dad7c321a01df650e64c830bd59c7e24e2eb",
    index: 0,
    size: 5,
    path: [
      "ef7cced6608bcd6052964065c91df38ec7c7f25cff038f952db4db786160b7df",
      "6a32737b5467f35ecdad9fb6a1277c543e56f0c184e4e5855d5d8e66d56e615f",
      "6e21616c5c60bc86f7032dd88cab7a37afb7483aa40fbd178ea864e6dd7d8272",
    ],
    root: "85369bd164965b4c50733043ce083ba7c612966b2e5775e91f3f1ce984652eed",
  },
  {
    leaf: "{\"at\":\"2024-10-01T12:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"decision\":\"reject\",\"note\":\"不属于村级议事范围\",\"title\":\"高尔夫球场\"},\"role\":\"committee\",\"seq\":4,\"subject\":\"VG9waWM6NQ\",\"type\":\"screening\"}",
    leafHash: "6e21616c5c60bc86f7032dd88cab7a37afb7483aa40fbd178ea864e6dd7d8272",
    index: 4,
    size: 5,
    path: [
      "987d0ad7c8e66e3b63003e3439beaeff14c11e79a2c35c2fddf446ba97b3c93e",
    ],
    root: "85369bd164965b4c50733043ce083ba7c612966b2e5775e91f3f1ce984652eed",
  },
  {
    leaf: "{\"at\":\"2024-10-01T11:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"resolution\":\"UmVzb2x1dGlvbjox\",\"text\":\"设临时停车场\"},\"role\":\"committee\",\"seq\":3,\"subject\":\"VG9waWM6NA\",\"type\":\"resolution\"}",
    leafHash: "8886c95748703e02e35e73d1cef4e31604f60d054b44726e68cac57b51778f21",
    index: 3,
    size: 7,
    path: [
      "67e88c2a2baff19335cfe007829e12e133c75e5d7aa98c71bfe1d36f0620f1b6",
      "7ade7407c63e23b554b0c37e66e248adad50edcc84ab04742c9624fa736d03b1",
      "1d995d4082331cf612cc922c2ea191bdc0bae81dce01667b75cb364ed8e29d84",
    ],
    root: "cf7bfb05eacbe9799f9384667dc43416904655f84cd92faaa87563bde2ab67ad",
  },
  {
    leaf: "{\"at\":\"2024-10-01T14:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"n\":7},\"role\":\"committee\",\"seq\":6,\"subject\":\"VG9waWM6Nw\",\"type\":\"screening\"}",
    leafHash: "12a243235f63b7884336bc6f454d5cb3e88aaac3f635cc452a5e7a727da59fe4",
    index: 6,
    size: 7,
    path: [
      "e18093a03ea2a64670bfe74888c0b2a363f33c43ced8fd6680a0fa27a62c6a03",
      "987d0ad7c8e66e3b63003e3439beaeff14c11e79a2c35c2fddf446ba97b3c93e",
    ],
    root: "cf7bfb05eacbe9799f9384667dc43416904655f84cd92faaa87563bde2ab67ad",
  },
  {
    leaf: "{\"at\":\"2024-10-01T13:30:00.000Z\",\"community\":\"65f0c0ffee0000000000beef\",\"payload\":{\"summary\":\"已完成 ✓\"},\"role\":\"committee\",\"seq\":5,\"subject\":\"VG9waWM6Ng\",\"type\":\"resolution_closed\"}",
    leafHash: "29804dbf298b8816e90d5424a162e7c8f4abd415ea9becf06c33335691fdeb76",
    index: 5,
    size: 6,
    path: [
      "6e21616c5c60bc86f7032dd88cab7a37afb7483aa40fbd178ea864e6dd7d8272",
      "987d0ad7c8e66e3b63003e3439beaeff14c11e79a2c35c2fddf446ba97b3c93e",
    ],
    root: "06c81699730291b49537983933ee880e7019b3be9333026305c892c6bd898ca1",
  },
];

// The head of that record at size 7, signed with the Ed25519 key whose seed
// is 32 zero bytes (ledger.SignHead).
const HEAD = {
  publicKey: "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=",
  message: "yishi-record-head/v1\n65f0c0ffee0000000000beef\n7\ncf7bfb05eacbe9799f9384667dc43416904655f84cd92faaa87563bde2ab67ad\n2024-10-01T18:30:00.000Z",
  signature: "CdCafcoIKbNycnnoYhqy/05OhTJR0QWlP56w8srstUxj4Ofc0Zoq95N0dMAlhu8eNoWmfnMBKeqZbulj+TLbBQ==",
};

/** flip changes the last hex digit of a hash. */
function flip(hex: string): string {
  return hex.slice(0, -1) + (hex.endsWith("0") ? "1" : "0");
}

describe("leafHash", () => {
  it.each(VECTORS)("is SHA-256(0x00 || leaf) of entry $index, as the server stores it", async (v) => {
    expect(bytesToHex(await leafHash(v.leaf))).toBe(v.leafHash);
  });
});

describe("verifyInclusion", () => {
  it.each(VECTORS)("folds entry $index of $size up to the root", async (v) => {
    const path = v.path.map(hexToBytes);
    const root = await rootFromInclusion(v.index, v.size, hexToBytes(v.leafHash), path);
    expect(root && bytesToHex(root)).toBe(v.root);
    expect(await verifyInclusion(v.index, v.size, hexToBytes(v.leafHash), path, hexToBytes(v.root))).toBe(true);
  });

  it.each(VECTORS.filter((v) => v.path.length > 0))("refuses a changed path, index, size or root (entry $index of $size)", async (v) => {
    const leaf = hexToBytes(v.leafHash);
    const path = v.path.map(hexToBytes);
    const root = hexToBytes(v.root);
    const changed = [flip(v.path[0]), ...v.path.slice(1)].map(hexToBytes);
    expect(await verifyInclusion(v.index, v.size, leaf, changed, root)).toBe(false);
    expect(await verifyInclusion(v.index, v.size, leaf, path.slice(1), root)).toBe(false);
    expect(await verifyInclusion(v.index, v.size, leaf, [...path, root], root)).toBe(false);
    expect(await verifyInclusion(v.index ^ 1, v.size, leaf, path, root)).toBe(false);
    expect(await verifyInclusion(v.index, v.size, leaf, path, hexToBytes(flip(v.root)))).toBe(false);
    expect(await verifyInclusion(v.index, v.size, hexToBytes(flip(v.leafHash)), path, root)).toBe(false);
  });

  it("refuses an index outside the tree", async () => {
    const v = VECTORS[0];
    expect(await rootFromInclusion(1, 1, hexToBytes(v.leafHash), [])).toBeNull();
    expect(await rootFromInclusion(-1, 1, hexToBytes(v.leafHash), [])).toBeNull();
  });
});

describe("checkEntry", () => {
  const v = VECTORS.find((x) => x.size === 7)!;
  const entry = { seq: v.index, leaf: v.leaf, leafHash: v.leafHash, inclusion: v.path };
  const head = { size: v.size, root: v.root };

  it("holds for an entry as served", async () => {
    expect(await checkEntry(entry, head)).toBe("ok");
  });
  it("finds a leaf text that does not give the leaf hash", async () => {
    expect(await checkEntry({ ...entry, leaf: v.leaf.replace("committee", "party") }, head)).toBe("leaf");
  });
  it("finds a leaf that states another number", async () => {
    expect(await checkEntry({ ...entry, seq: entry.seq - 1 }, head)).toBe("leaf");
    expect(await checkEntry({ ...entry, leaf: "not json" }, head)).toBe("leaf");
  });
  it("finds a path that does not reach the root", async () => {
    expect(await checkEntry({ ...entry, inclusion: [flip(v.path[0]), ...v.path.slice(1)] }, head)).toBe("path");
    expect(await checkEntry(entry, { ...head, root: flip(v.root) })).toBe("path");
  });
});

describe("verifySignature", () => {
  it("accepts the head's signature over its message", async () => {
    expect(await verifySignature(HEAD.publicKey, HEAD.message, HEAD.signature)).toBe("ok");
  });
  it("refuses a changed message or signature", async () => {
    expect(await verifySignature(HEAD.publicKey, HEAD.message.replace("\n7\n", "\n6\n"), HEAD.signature)).toBe("bad");
    const sig = HEAD.signature.startsWith("A") ? "B" + HEAD.signature.slice(1) : "A" + HEAD.signature.slice(1);
    expect(await verifySignature(HEAD.publicKey, HEAD.message, sig)).toBe("bad");
  });
  it("refuses a malformed key or signature", async () => {
    expect(await verifySignature("not base64!", HEAD.message, HEAD.signature)).toBe("bad");
    expect(await verifySignature(HEAD.publicKey, HEAD.message, "AAAA")).toBe("bad");
  });
});

describe("checkHead", () => {
  const fields = parseHeadMessage(HEAD.message)!;
  const head = { size: 7, root: fields.root, message: HEAD.message, signature: HEAD.signature };

  it("reads the message's lines", () => {
    expect(fields).toEqual({ community: "65f0c0ffee0000000000beef", size: 7, root: fields.root, at: "2024-10-01T18:30:00.000Z" });
    expect(fields.root).toMatch(/^[0-9a-f]{64}$/);
    expect(parseHeadMessage("yishi-record-head/v1\nc\n7")).toBeNull();
    expect(parseHeadMessage(HEAD.message.replace("yishi-record-head/v1", "other/v1"))).toBeNull();
  });
  it("holds for a head whose message states its size and root", async () => {
    expect(await checkHead(HEAD.publicKey, head)).toBe("ok");
  });
  it("refuses a well-signed message that states another size or root", async () => {
    expect(await checkHead(HEAD.publicKey, { ...head, size: 6 })).toBe("bad");
    expect(await checkHead(HEAD.publicKey, { ...head, root: flip(head.root) })).toBe("bad");
  });
  it("refuses a bad signature", async () => {
    expect(await checkHead(HEAD.publicKey, { ...head, message: HEAD.message + " " })).toBe("bad");
  });
});
