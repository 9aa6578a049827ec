// PII detection: each kind found where it occurs, normalised, and not found in the numbers
// and ids that fill fraud data (dates, amounts, ids, addresses of machines, fingerprints).
import { describe, expect, it } from "vitest";
import { findPii, maskPii, type PiiKind } from "../../../domain/pii.js";

/** The kinds and values found when `value` sits inside a sentence. */
function found(value: string): Array<[PiiKind, string]> {
  return findPii(`Seller wrote: ${value} — see above.`).map((m) => [m.kind, m.value]);
}

function expectFoundAs(kind: PiiKind, values: string[]) {
  for (const value of values) expect(found(value), value).toEqual([[kind, value]]);
}

function expectNoKind(kind: PiiKind, values: string[]) {
  for (const value of values)
    expect(
      found(value).map(([k]) => k),
      value,
    ).not.toContain(kind);
}

function expectNothingIn(values: string[]) {
  for (const value of values) expect(found(value), value).toEqual([]);
}

describe("e-mail addresses", () => {
  it("are found in their usual shapes and normalised to lower case", () => {
    expectFoundAs("email", [
      "john.doe@example.com",
      "J.Doe+refunds@Mail.Example.CO.UK",
      "anna_m-92@shop-mail.de",
      "müller@beispiel.de",
    ]);
    expect(findPii("Mail John.Doe@Example.COM now")[0]?.normalised).toBe("john.doe@example.com");
  });

  it("are not found without a domain, a dot-less domain or a handle", () => {
    expectNothingIn(["@shopname", "john@localhost", "john(at)localhost", "user@.com"]);
  });
});

describe("phone numbers", () => {
  it("are found in international and national forms with separators", () => {
    expectFoundAs("phone", [
      "+44 20 7946 0958",
      "+1 (555) 123-4567",
      "+33 6 12 34 56 78",
      "+49 151 23456789",
      "+4915123456789",
      "+44 (0)20 7946 0958",
      "(555) 123-4567",
      "555-123-4567",
      "555.123.4567",
      "06 12 34 56 78",
      "06.12.34.56.78",
      "0151 23456789",
      "030/1234567",
      "0044 20 7946 0958",
      "912 345 678",
    ]);
  });

  it("are normalised to the national number, without country code or trunk zero", () => {
    const [intl, national, us] = findPii(
      "call +44 (0)20 7946-0958 or (020) 7946 0958 or +1 (555) 234-5678",
    );
    expect(intl?.normalised).toBe("2079460958");
    expect(national?.normalised).toBe("2079460958");
    expect(us?.normalised).toBe("5552345678");
  });

  it("need at least nine digits and, without a plus or separator, a national shape", () => {
    expectNothingIn(["555-1234", "12 34 56", "4915123456789", "1732442400"]);
    expectFoundAs("phone", ["0612345678", "07700900123", "2125550123"]);
  });

  it("are not found in dates, times and timestamps", () => {
    expectNothingIn([
      "2026-11-24",
      "2026-11-24T10:00:00Z",
      "2026-11-24T10:00:00.123+01:00",
      "2026-11-24 10:00:00",
      "2026-11-24 2026-11-30",
      "24.11.2026 12:30",
      "24/11/2026",
      "20261124T100000Z",
      "1732442400000",
    ]);
  });

  it("are not found in amounts, decimals, versions or thousands", () => {
    expectNothingIn([
      "1,299.00",
      "1.234.567,89",
      "€ 1 234 567 890",
      "1 234 567 890",
      "USD 123 456 789",
      "3.14159265358",
      "0.000123456789",
      "1,234,567,890",
    ]);
  });

  it("are not found in UUIDs, ids, order numbers, IPv4 addresses or fingerprints", () => {
    expectNothingIn([
      "123e4567-e89b-12d3-a456-426614174000",
      "12345678-1234-1234-1234-123456789012",
      "s_000123",
      "ord_123456789",
      "ORD-2026-000123",
      "order #123-456-7890",
      "ev_0123456789abcdef",
      "192.168.100.200",
      "10.0.0.1:8080",
      "a3f9c2e1b4d5f607",
      "3f:9a:2c:1b:4d:5f:60:7e",
    ]);
  });

  it("are found next to a date they are not part of", () => {
    expect(found("2026-11-24 555 123 4567")).toEqual([["phone", "555 123 4567"]]);
  });
});

describe("payment card numbers", () => {
  it("are found when Luhn-valid, grouped by spaces or dashes or not at all", () => {
    expectFoundAs("card", [
      "4111 1111 1111 1111",
      "4111-1111-1111-1111",
      "4111111111111111",
      "5555 5555 5555 4444",
      "2223 0031 2200 3222",
      "3782 822463 10005",
      "3056 930902 5904",
      "6011 1111 1111 1117",
      "4222222222222",
    ]);
    expect(findPii("card 5105-1051-0510-5100")[0]?.normalised).toBe("5105105105105100");
  });

  it("are not found when the Luhn check fails or the number cannot be a card", () => {
    expectNothingIn([
      "4111 1111 1111 1112",
      "4111111111111112",
      "5555555555554445",
      "1234567812345670", // Luhn-valid, but no network issues from 1
      "9999999999999995",
      "4111 11 1111 1111 11", // groups no card is printed in
    ]);
  });

  it("win over the phone number the same digits would also make", () => {
    expect(found("3782 822463 10005")).toEqual([["card", "3782 822463 10005"]]);
  });

  it("are found when followed by another number", () => {
    expect(found("4111 1111 1111 1111 2026")).toEqual([["card", "4111 1111 1111 1111"]]);
  });
});

describe("IBANs", () => {
  it("are found when mod-97 valid, compact or grouped by four, in either case", () => {
    expectFoundAs("iban", [
      "DE89 3704 0044 0532 0130 00",
      "DE89370400440532013000",
      "GB82 WEST 1234 5698 7654 32",
      "FR14 2004 1010 0505 0001 3M02 606",
      "NL91ABNA0417164300",
      "ES91 2100 0418 4502 0005 1332",
      "BE68 5390 0754 7034",
      "CH93 0076 2011 6238 5295 7",
      "NO93 8601 1117 947",
      "fr1420041010050500013m02606",
    ]);
  });

  it("are normalised to upper case without spaces", () => {
    expect(findPii("iban gb82 west 1234 5698 7654 32")[0]?.normalised).toBe(
      "GB82WEST12345698765432",
    );
  });

  it("are not found when the check digits, the length or the country are wrong", () => {
    // The digits of a cut-off IBAN may still read as a phone number; only "iban" is wrong.
    expectNoKind("iban", [
      "DE89 3704 0044 0532 0130 01",
      "DE88370400440532013000",
      "GB82 WEST 1234 5698 7654 3",
      "XX89 3704 0044 0532 0130 00",
      "DE8937040044053201300012",
    ]);
  });

  it("end where the account number ends, not at the next word", () => {
    expect(found("GB82 WEST 1234 5698 7654 32 then")).toEqual([
      ["iban", "GB82 WEST 1234 5698 7654 32"],
    ]);
  });
});

describe("street addresses", () => {
  it("are found in English forms, with an apartment or unit", () => {
    expectFoundAs("address", [
      "221B Baker Street",
      "12 baker street",
      "350 5th Avenue",
      "1600 Pennsylvania Ave",
      "42 Wallaby Way",
      "7 St. John's Road",
      "123 Main St. Apt 5B",
      "10 Downing Street, Flat 2",
      "Flat 3, 12 Baker Street",
      "99 Ocean Blvd, Suite 300",
      "5 Elm Ct",
    ]);
  });

  it("are found in continental forms", () => {
    expectFoundAs("address", [
      "Hauptstraße 12",
      "Berliner Straße 5a",
      "Bahnhofstr. 7",
      "Kalverstraat 92",
      "Rue de Rivoli 5",
      "12 rue de Rivoli",
      "5 avenue des Champs-Élysées",
      "Via Roma 3",
      "Via Giuseppe Garibaldi, 12",
      "Calle Mayor 7",
      "C/ Mayor nº 7, 2º B",
    ]);
  });

  it("are normalised to lower case with single spaces", () => {
    expect(findPii("at 221B  Baker\nStreet")[0]?.normalised).toBe("221b baker street");
  });

  it("are not found in ordinary sentences with a number and a street-ish word", () => {
    expectNothingIn([
      "took 5 minutes to drive",
      "walked 2 miles down the road",
      "2 kids cross the road",
      "I ordered 3 items on the way",
      "Shipped in 3 Days Way too slow",
      "set of 5 place settings",
      "shipped Via DHL 3 days later",
      "Ignore the first photo",
      "Platz 3 in the ranking",
    ]);
  });
});

describe("national ids", () => {
  it("are found in the shapes of several countries, so an SSN is no phone", () => {
    expectFoundAs("national_id", [
      "123-45-6789",
      "AB 12 34 56 C",
      "JG103759A",
      "12345678Z",
      "X1234567L",
      "RSSMRA85T10A562S",
      "811218-9876",
      "1 85 05 78 006 084 91",
    ]);
    expect(findPii("SSN: 219099999")[0]?.kind).toBe("national_id");
    expect(findPii("BSN 123456782")[0]?.normalised).toBe("123456782");
  });

  it("are not found when a check fails or the shape cannot be an id", () => {
    expectNoKind("national_id", [
      "000-45-6789",
      "666-45-6789",
      "123-00-6789",
      "12345678A",
      "811218-9875",
      "1 85 05 78 006 084 90",
    ]);
  });
});

describe("obfuscated e-mail addresses", () => {
  it("are not read into ordinary sentences", () => {
    expectNothingIn([
      "sold at amazon.com for less",
      "meet at home dot now",
      "bought it at Example.de",
      "5 @ 3.99 each",
      "arrived at 5 pm",
    ]);
  });
});

describe("findPii", () => {
  it("returns non-overlapping matches in order with their offsets", () => {
    const text = "Mail a@b.io or call +44 20 7946 0958; pay DE89370400440532013000.";
    const matches = findPii(text);
    expect(matches.map((m) => m.kind)).toEqual(["email", "phone", "iban"]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.value);
    for (let i = 1; i < matches.length; i++)
      expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  });

  it("finds data after an escaped newline in JSON text, and masking keeps the JSON valid", () => {
    const json = JSON.stringify({
      note: "Call me\n+44 20 7946 0958\nor 221B Baker Street\nmail a@b.io\nDE89370400440532013000",
    });
    expect(findPii(json).map((m) => m.kind)).toEqual(["phone", "address", "email", "iban"]);
    expect(JSON.parse(maskPii(json))).toEqual({
      note: "Call me\n[phone]\nor [address]\nmail [email]\n[iban]",
    });
  });

  it("finds nothing in text without personal data", () => {
    expect(
      findPii("Seller s_000123 shipped order ord_123456789 on 2026-11-24 for 1,299.00 EUR."),
    ).toEqual([]);
  });
});

describe("maskPii", () => {
  it("replaces each match with its kind and leaves the rest alone", () => {
    expect(
      maskPii(
        "Contact J.Doe@Example.com, +44 20 7946 0958, card 4111 1111 1111 1111, " +
          "IBAN DE89 3704 0044 0532 0130 00, ship to 221B Baker Street on 2026-11-24.",
      ),
    ).toBe("Contact [email], [phone], card [card], IBAN [iban], ship to [address] on 2026-11-24.");
  });

  it("also masks a value that only stands free once its neighbour is masked", () => {
    expect(maskPii("pay DE89370400440532013000/555 123 4567")).toBe("pay [iban]/[phone]");
  });

  it("returns text without personal data unchanged", () => {
    const text = "Order ord_123456789 for 1,299.00 from 192.168.1.20 at 2026-11-24T10:00:00Z";
    expect(maskPii(text)).toBe(text);
  });
});
