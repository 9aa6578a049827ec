// JSON bodies: only application/json (or +json) is read, up to the configured size.
import express, { type RequestHandler } from "express";
import { AppError } from "../../domain/errors.js";

const JSON_TYPES = ["application/json", "application/*+json"];

export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!req.is(JSON_TYPES))
      throw new AppError(
        "unsupported_media_type",
        "send the body as JSON with 'Content-Type: application/json'",
      );
    next();
  };
  return [requireJson, express.json({ limit: limitBytes, strict: true, type: JSON_TYPES })];
}
