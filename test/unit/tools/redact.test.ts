// The redactor: placeholders stable within a case and across processes, distinct across
// values and cases, idempotent, deep over JSON-like values, and never leaking a raw value,
// checked by hand-picked cases and by a seeded corpus of review-like texts.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PiiKind } from "../../../domain/pii.js";
import {
  caseRedactionKey,
  createRedactor,
  PLACEHOLDER_SOURCE,
} from "../../../tools/redact/index.js";
import { Rng } from "../../../world/rng.js";
import { luhnComplete } from "../../fixtures/pii/corpus-rng.js";

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, "g");

describe("placeholders", () => {
  it("are the same for one e-mail however it is capitalised", () => {
    const r = createRedactor("case_1");
    const a = r.redact("john.doe@example.com");
    expect(a).toMatch(/^<EMAIL_[0-9a-f]{8}>$/);
    expect(r.redact("John.Doe@EXAMPLE.com")).toBe(a);
  });

  it("differ between two values of the same kind", () => {
    const r = createRedactor("case_1");
    const out = r.redact("from anna@example.com to ben@example.com");
    const [first, second] = out.match(PLACEHOLDER) ?? [];
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first).not.toBe(second);
  });

  it("are the same in a new redactor for the same case and differ for another case", () => {
    const text = "Call +44 20 7946 0958, card 4111 1111 1111 1111, IBAN DE89370400440532013000";
    const first = createRedactor("case_1").redact(text);
    expect(createRedactor("case_1").redact(text)).toBe(first);
    const other = createRedactor("case_2").redact(text);
    expect(other).not.toBe(first);
    expect(other.match(PLACEHOLDER)).toHaveLength(3);
  });

  it("are the first 8 hex digits of HMAC-SHA256(case key, kind:normalised)", () => {
    const mac = createHmac("sha256", "case_1").update("phone:2079460958").digest("hex");
    expect(createRedactor("case_1").redact("+44 (20) 7946-0958")).toBe(
      `<PHONE_${mac.slice(0, 8)}>`,
    );
  });

  it("are the same when another process redacts for the same case", () => {
    const text = "Write to Jane@Example.org or visit 221B Baker Street";
    const module = fileURLToPath(new URL("../../../tools/redact/redactor.ts", import.meta.url));
    const script = `import { createRedactor } from ${JSON.stringify(module)};
process.stdout.write(createRedactor("case_9").redact(${JSON.stringify(text)}));`;
    const elsewhere = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { encoding: "utf8" },
    );
    expect(elsewhere).toBe(createRedactor("case_9").redact(text));
    expect(elsewhere).toMatch(/^Write to <EMAIL_[0-9a-f]{8}> or visit <ADDRESS_[0-9a-f]{8}>$/);
  });

  it("cannot be made without a case key", () => {
    expect(() => createRedactor("")).toThrow(/case key/);
  });

  it("keys a case by the installation's secret, so the case id alone cannot recompute a placeholder", () => {
    const secretA = "a".repeat(64);
    const secretB = "b".repeat(64);
    const text = "call +44 20 7946 0958";
    const a = createRedactor(caseRedactionKey(secretA, "case_1")).redact(text);
    expect(createRedactor(caseRedactionKey(secretA, "case_1")).redact(text)).toBe(a);
    expect(createRedactor(caseRedactionKey(secretB, "case_1")).redact(text)).not.toBe(a);
    expect(createRedactor(caseRedactionKey(secretA, "case_2")).redact(text)).not.toBe(a);
    expect(createRedactor("case_1").redact(text)).not.toBe(a);
    expect(() => caseRedactionKey("short", "case_1")).toThrow(/too short/);
  });
});

describe("redact", () => {
  it("leaves already-redacted text unchanged", () => {
    const r = createRedactor("case_1");
    const once = r.redact("Pay DE89 3704 0044 0532 0130 00 or call 555-123-4567 (a@b.io)");
    expect(once).not.toContain("DE89");
    expect(r.redact(once)).toBe(once);
  });

  it("also catches a value that only stands free once its neighbour is replaced", () => {
    const r = createRedactor("case_1");
    // Glued to the IBAN the phone number reads as its tail; once the IBAN is gone it does not.
    const out = r.redact("pay DE89370400440532013000/555 123 4567");
    expect(out).toMatch(/^pay <IBAN_[0-9a-f]{8}>\/<PHONE_[0-9a-f]{8}>$/);
    expect(r.redact(out)).toBe(out);
  });

  it("counts distinct values per kind, not occurrences", () => {
    const r = createRedactor("case_1");
    r.redact("a@b.io A@B.IO c@d.io +44 20 7946 0958");
    r.redact("+44 (20) 7946 0958 and 4111 1111 1111 1111");
    expect(r.stats()).toEqual({
      email: 2,
      phone: 1,
      card: 1,
      iban: 0,
      national_id: 0,
      address: 0,
    });
  });
});

describe("redactValue", () => {
  it("redacts every string inside arrays and plain objects, keeping keys and other values", () => {
    const r = createRedactor("case_1");
    const value = {
      "owner@example.com": "owner@example.com",
      count: 3,
      ok: true,
      none: null,
      nested: { list: ["+44 20 7946 0958", { deeper: ["IBAN GB82 WEST 1234 5698 7654 32"] }] },
    };
    const copy = structuredClone(value);
    const out = r.redactValue(value);
    expect(value).toEqual(copy);
    expect(Object.keys(out)).toEqual(Object.keys(value));
    expect(out["owner@example.com"]).toMatch(/^<EMAIL_[0-9a-f]{8}>$/);
    expect(out.count).toBe(3);
    expect(out.ok).toBe(true);
    expect(out.none).toBeNull();
    expect(out.nested.list[0]).toMatch(/^<PHONE_[0-9a-f]{8}>$/);
    expect(JSON.stringify(out.nested.list[1])).toMatch(
      /^\{"deeper":\["IBAN <IBAN_[0-9a-f]{8}>"\]\}$/,
    );
  });

  it("refuses a cyclic value instead of recursing forever", () => {
    const cyclic: Record<string, unknown> = { a: "x" };
    cyclic.self = cyclic;
    expect(() => createRedactor("case_1").redactValue(cyclic)).toThrow(/cyclic/);
  });
});

// A seeded generator of review-like texts with personal data of every kind mixed in.
function corpus(
  seed: number,
  size: number,
): Array<{ text: string; pii: Array<[PiiKind, string]> }> {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
  const group = (s: string, sep: string) => s.match(/.{1,4}/g)?.join(sep) ?? s;
  const ibanOf = (country: string, bban: string) => {
    let rem = 0;
    for (const ch of `${bban}${country}00`) {
      const v = Number.parseInt(ch, 36);
      rem = (rem * (v > 9 ? 100 : 10) + v) % 97;
    }
    return `${country}${String(98 - rem).padStart(2, "0")}${bban}`;
  };
  const names = ["anna", "ben", "chloé", "dario", "eva", "farid", "greta", "hugo", "ines", "jan"];
  const streets = ["Baker", "Elm", "Maple", "Garibaldi", "Rivoli", "Mayor", "Linden", "Oak"];
  const make: Record<PiiKind, () => string> = {
    email: () =>
      `${pick(names)}${pick([".", "_", ""])}${pick(["smith", "rossi", "meyer"])}${digits(2)}@${pick(["example.com", "Mail.DE", "shop.co.uk"])}`,
    phone: () =>
      pick([
        () => `+44 20 ${digits(4)} ${digits(4)}`,
        () => `+1 (${digits(3)}) ${digits(3)}-${digits(4)}`,
        () => `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
        () => `0${digits(3)} ${digits(3)} ${digits(4)}`,
        () => `+49 151 ${digits(8)}`,
      ])(),
    card: () => {
      if (rand() < 0.25) {
        const n = luhnComplete(`37${digits(12)}`);
        return `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}`;
      }
      const prefix = pick(["4", "51", "55", "6011"]);
      return group(luhnComplete(prefix + digits(15 - prefix.length)), pick([" ", "-", ""]));
    },
    iban: () => {
      const iban = pick([
        () => ibanOf("DE", digits(18)),
        () => ibanOf("GB", `${pick(["WEST", "NWBK", "BARC"])}${digits(14)}`),
        () => ibanOf("NL", `${pick(["ABNA", "INGB", "RABO"])}${digits(10)}`),
        () => ibanOf("FR", `${digits(10)}${digits(11)}${digits(2)}`),
      ])();
      return rand() < 0.5 ? group(iban, " ") : iban;
    },
    address: () =>
      pick([
        () =>
          `${1 + Math.floor(rand() * 300)} ${pick(streets)} ${pick(["Street", "Road", "Ave", "Lane"])}`,
        () => `${pick(streets)}straße ${1 + Math.floor(rand() * 99)}`,
        () => `Via ${pick(streets)} ${1 + Math.floor(rand() * 99)}`,
        () => `${1 + Math.floor(rand() * 99)} rue de ${pick(streets)}`,
        () => `Calle ${pick(streets)} ${1 + Math.floor(rand() * 99)}`,
      ])(),
    national_id: () =>
      pick([
        () =>
          `${1 + Math.floor(rand() * 665)}`.padStart(3, "0") +
          `-${10 + Math.floor(rand() * 89)}-${1000 + Math.floor(rand() * 8999)}`,
        () => `SSN ${digits(9).replace(/^[09]|^666/, "1")}`,
        () =>
          `${pick(["AB", "JK", "NP", "ZX"])} ${digits(2)} ${digits(2)} ${digits(2)} ${pick(["A", "B", "C", "D"])}`,
      ])(),
  };
  const templates = [
    (p: string) => `Great seller, fast shipping! Questions? ${p}.`,
    (p: string) => `Paid on 2026-11-24 for 1,299.00 EUR, details: ${p}, still nothing arrived.`,
    (p: string) => `Please ship to ${p} — order ord_123456789 was lost.`,
    (p: string) => `Der Verkäufer schrieb: ${p}. Ware kam nie an.`,
    (p: string) => `Il venditore ha chiesto ${p} fuori dalla piattaforma (ref s_000123).`,
    (p: string) => `Told me to use ${p} instead of the checkout, 5 stars my foot`,
  ];
  const kinds: PiiKind[] = ["email", "phone", "card", "iban", "national_id", "address"];
  return Array.from({ length: size }, () => {
    const pii = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const kind = pick(kinds);
      return [kind, make[kind]()] as [PiiKind, string];
    });
    return { text: pii.map(([, value]) => pick(templates)(value)).join(" "), pii };
  });
}

describe("a seeded corpus of review-like texts", () => {
  const texts = corpus(20261124, 240);

  it(`loses every raw value to a placeholder of its kind (${texts.length} texts)`, () => {
    const r = createRedactor("case_corpus");
    expect(texts.length).toBeGreaterThanOrEqual(200);
    for (const { text, pii } of texts) {
      const out = r.redact(text);
      for (const [kind, value] of pii) {
        expect(out, text).not.toContain(value);
        expect(out.toLowerCase(), text).not.toContain(value.toLowerCase());
        expect(out, text).toContain(`<${kind.toUpperCase()}_`);
      }
      expect(r.redact(out)).toBe(out);
    }
    expect(Object.values(r.stats()).every((n) => n > 10)).toBe(true);
  });

  it("leaves no raw value in anything the redactor returns", () => {
    const r = createRedactor("case_corpus");
    const returned = JSON.stringify({
      texts: texts.map(({ text }) => r.redact(text)),
      value: r.redactValue({ items: texts.map(({ text }) => ({ text, again: [text] })) }),
      stats: r.stats(),
    });
    for (const { pii } of texts)
      for (const [, value] of pii)
        expect(returned.toLowerCase()).not.toContain(value.toLowerCase());
  });
});
