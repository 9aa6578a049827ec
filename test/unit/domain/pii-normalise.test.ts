// Normalising before detection: every script's digits, spaces, dashes and invisible
// characters read as plain ASCII, offsets lead back to the original, one datum written
// several ways gets one placeholder, and the text around a match is left as written.
import { describe, expect, it } from "vitest";
import { normaliseForPii, originalSpan } from "../../../domain/pii/normalise.js";
import { findPii } from "../../../domain/pii.js";
import { createRedactor } from "../../../tools/redact/index.js";

describe("normaliseForPii", () => {
  it("reads digits of every script as ASCII digits", () => {
    for (const zero of [0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1040, 0x1d7ce]) {
      const digits = Array.from({ length: 10 }, (_, d) => String.fromCodePoint(zero + d)).join("");
      expect(normaliseForPii(digits).text, zero.toString(16)).toBe("0123456789");
    }
  });

  it("reads every space as a space and every joining dash as a hyphen, and drops invisibles", () => {
    expect(normaliseForPii("a\u00a0b\u202fc\u3000d\u2009e").text).toBe("a b c d e");
    expect(normaliseForPii("1\u20112\u20103\u20134\u22125\uff0d6").text).toBe("1-2-3-4-5-6");
    expect(normaliseForPii("jo\u200bhn\u200d@\ufeffex\u00adample\u2060.com").text).toBe(
      "john@example.com",
    );
    expect(normaliseForPii("\uff4a\uff4f\uff48\uff4e\uff20x\uff0ecom").text).toBe("john@x.com");
  });

  it("keeps what parts sentences or addresses: em dashes and ordinal indicators", () => {
    expect(normaliseForPii("a — b, nº 7, 2º").text).toBe("a — b, nº 7, 2º");
  });

  it("reads JSON escapes as what they stand for", () => {
    expect(normaliseForPii(String.raw`a\nb\"c\\n`).text).toBe('a\nb"c\\n');
  });

  it("maps every span back to the original characters it came from", () => {
    const text = "😀 ０７７\u200b００ x\\n9";
    const n = normaliseForPii(text);
    expect(n.text).toBe("😀 07700 x\n9");
    expect(originalSpan(n, 3, 8)).toEqual([3, 9]);
    expect(text.slice(...originalSpan(n, 3, 8))).toBe("０７７\u200b００");
    expect(text.slice(...originalSpan(n, 10, 11))).toBe("\\n");
  });
});

describe("one datum written several ways", () => {
  const r = createRedactor("case_1");
  const placeholders = (values: string[]) => new Set(values.map((v) => r.redact(`x ${v} y`)));

  it("gets one placeholder for a phone, however it is written", () => {
    const phone = placeholders([
      "+44 20 7946 0958",
      "+44 (0)20 7946 0958",
      "0044 20 7946 0958",
      "020 7946 0958",
      "02079460958",
      "+４４ ２０ ７９４６ ０９５８",
      "+44\u201120\u20117946\u20110958",
      "0 2 0 7 9 4 6 0 9 5 8",
    ]);
    expect(phone.size).toBe(1);
    expect([...phone][0]).toMatch(/^x <PHONE_[0-9a-f]{8}> y$/);
    expect(placeholders(["1-800-FLOWERS", "+1 800 356 9377", "(800) 356-9377"]).size).toBe(1);
  });

  it("gets one placeholder for an e-mail, a card and an IBAN, however written", () => {
    const emails = [
      "john.doe@example.com",
      "John.Doe@EXAMPLE.com",
      "john.doe(at)example(dot)com",
      "john dot doe at example dot com",
      "john\u200b.doe@example.com",
      "ｊｏｈｎ.ｄｏｅ＠ｅｘａｍｐｌｅ.ｃｏｍ",
    ];
    expect(placeholders(emails).size).toBe(1);
    const cards = ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111"];
    expect(placeholders([...cards, "４１１１１１１１１１１１１１１１"]).size).toBe(1);
    const ibans = [
      "DE89 3704 0044 0532 0130 00",
      "de89370400440532013000",
      "DE89-3704-0044-0532-0130-00",
    ];
    expect(placeholders(ibans).size).toBe(1);
  });

  it("keeps different values apart", () => {
    expect(placeholders(["+44 20 7946 0958", "+44 20 7946 0959"]).size).toBe(2);
  });
});

describe("replacing in the original text", () => {
  it("leaves disguised text around the match exactly as written", () => {
    const text = "Ｔｈａｎｋｓ！\u00a0call ٠٧٧٠٠٩٠٠١٢٣ — ｃｉａｏ\u200b 😀 ２０２６年";
    const out = createRedactor("case_1").redact(text);
    expect(out).toMatch(
      /^Ｔｈａｎｋｓ！\u00a0call <PHONE_[0-9a-f]{8}> — ｃｉａｏ\u200b 😀 ２０２６年$/u,
    );
  });

  it("labels an SSN as a national id, not a phone", () => {
    expect(findPii("SSN 123-45-6789 or 078-05-1120").map((m) => m.kind)).toEqual([
      "national_id",
      "national_id",
    ]);
    expect(createRedactor("case_1").redact("ssn 123-45-6789")).toMatch(
      /^ssn <NATIONAL_ID_[0-9a-f]{8}>$/,
    );
  });

  it("masks PO boxes and the postcode and city beside a street with it", () => {
    expect(findPii("to 221B Baker Street, London NW1 6XE. Thanks").map((m) => m.value)).toEqual([
      "221B Baker Street, London NW1 6XE",
    ]);
    expect(findPii("PO Box 1234, Springfield, IL 62704 today").map((m) => m.value)).toEqual([
      "PO Box 1234, Springfield, IL 62704",
    ]);
  });

  it("keeps masked JSON valid when the data is escaped in it", () => {
    const r = createRedactor("case_1");
    const json = JSON.stringify({
      note: 'Call\n０７７００ ９００１２３\nmail "john doe"@example.com\njohn(at)example(dot)com',
    });
    const out = r.redact(json);
    const note = (JSON.parse(out) as { note: string }).note;
    expect(note).toMatch(
      /^Call\n<PHONE_[0-9a-f]{8}>\nmail <EMAIL_[0-9a-f]{8}>\n<EMAIL_[0-9a-f]{8}>$/,
    );
  });
});
