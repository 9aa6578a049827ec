import { describe, expect, it } from "vitest";
import { loadEnv } from "../../../config/env.js";
import { isAppError } from "../../../domain/errors.js";

describe("loadEnv", () => {
  it("defaults to the embedded database in ./.casehound when nothing is set", () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CASEHOUND_DATA_DIR).toBe("./.casehound");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("treats empty strings as unset", () => {
    const env = loadEnv({ DATABASE_URL: "  ", CASEHOUND_DATA_DIR: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CASEHOUND_DATA_DIR).toBe("./.casehound");
  });

  it("accepts postgres and postgresql URLs", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://u@h:5432/db" }).DATABASE_URL).toBe(
      "postgres://u@h:5432/db",
    );
    expect(loadEnv({ WAREHOUSE_URL: "postgresql://h/db" }).WAREHOUSE_URL).toBe("postgresql://h/db");
  });

  it("names every bad variable in one config_invalid error", () => {
    let caught: unknown;
    try {
      loadEnv({ DATABASE_URL: "mysql://h/db", LOG_LEVEL: "loud" });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "config_invalid")).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
    expect(message).toContain("LOG_LEVEL");
  });
});
