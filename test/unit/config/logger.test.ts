// The logger masks personal data wherever it is put: the message, format arguments, fields
// of the merge object, nested fields, errors and child bindings.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";

const RAW = [
  "anna.k@example.com",
  "+44 20 7946 0958",
  "4111 1111 1111 1111",
  "DE89 3704 0044 0532 0130 00",
  "221B Baker Street",
];

function captured(level = "info") {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

function expectNoRaw(lines: string[]) {
  const all = lines.join("");
  for (const raw of RAW) expect(all).not.toContain(raw);
  expect(all).not.toContain("4111111111111111");
  expect(all).not.toContain("DE89370400440532013000");
}

describe("the logger", () => {
  it("masks personal data in messages and format arguments", () => {
    const { logger, lines } = captured();
    logger.info(`refund asked by ${RAW[0]} on ${RAW[1]}`);
    logger.warn("card %s, iban %s, address %s", RAW[2], RAW[3], RAW[4]);
    expect(lines).toHaveLength(2);
    expectNoRaw(lines);
    expect(JSON.parse(lines[0]!).msg).toBe("refund asked by [email] on [phone]");
    expect(JSON.parse(lines[1]!).msg).toBe("card [card], iban [iban], address [address]");
  });

  it("masks string fields of the merge object, however deep", () => {
    const { logger, lines } = captured();
    logger.info(
      {
        email: RAW[0],
        buyer: { phone: RAW[1], cards: [RAW[2]] },
        deep: { a: { b: { c: { iban: RAW[3] } } } },
        count: 3,
      },
      "case opened",
    );
    expectNoRaw(lines);
    const line = JSON.parse(lines[0]!);
    expect(line.email).toBe("[email]");
    expect(line.buyer).toEqual({ phone: "[phone]", cards: ["[card]"] });
    expect(line.deep.a.b.c.iban).toBe("[iban]");
    expect(line.count).toBe(3);
    expect(line.msg).toBe("case opened");
  });

  it("masks errors and child bindings and leaves the caller's objects alone", () => {
    const { logger, lines } = captured();
    const error = new TypeError(`no account for ${RAW[0]}`);
    const fields = { err: error, contact: RAW[1] };
    logger.child({ seller_contact: RAW[4] }).error(fields, "lookup failed");
    expectNoRaw(lines);
    const line = JSON.parse(lines[0]!);
    expect(line.err.type).toBe("TypeError");
    expect(line.err.message).toBe("no account for [email]");
    expect(line.seller_contact).toBe("[address]");
    expect(error.message).toBe(`no account for ${RAW[0]}`);
    expect(fields.contact).toBe(RAW[1]);
  });

  it("writes lines without personal data unchanged", () => {
    const { logger, lines } = captured();
    logger.info({ case: "c_000123", at: "2026-11-24T10:00:00Z", amount: "1,299.00" }, "ok");
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      case: "c_000123",
      at: "2026-11-24T10:00:00Z",
      amount: "1,299.00",
    });
    expect(line.app).toBe("casehound");
  });

  it("masks disguised data too and keeps the line valid JSON", () => {
    const { logger, lines } = captured();
    const disguised = [
      "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13",
      "john(at)example(dot)com",
      '"john doe"@example.com',
      "123-45-6789",
      "PO Box 1234, Springfield, IL 62704",
    ];
    const note = `first line\n${disguised.join("\n")}`;
    // Child bindings are masked only on the finished line, where the newlines are escaped.
    logger.child({ bound: note }).info({ note }, "disguised");
    const line = JSON.parse(lines[0]!);
    const masked = "first line\n[phone]\n[email]\n[email]\n[national_id]\n[address]";
    expect(line.note).toBe(masked);
    expect(line.bound).toBe(masked);
    for (const raw of disguised) expect(lines[0]).not.toContain(JSON.stringify(raw).slice(1, -1));
  });

  it("still honours its level", () => {
    const { logger, lines } = captured("warn");
    logger.info(`hidden ${RAW[0]}`);
    logger.warn("shown");
    expect(lines).toHaveLength(1);
  });
});
