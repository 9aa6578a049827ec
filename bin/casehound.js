#!/usr/bin/env node
// The `casehound` command. The sources are TypeScript run through tsx's loader, so
// there is no build step between a change and the command.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
