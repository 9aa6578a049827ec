import { pgliteInMemory } from "../../support/engines.js";
import { slackSuite } from "./slack.suite.js";

slackSuite("PGlite", pgliteInMemory);
