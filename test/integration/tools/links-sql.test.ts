import { pgliteInMemory } from "../../support/engines.js";
import { linksSqlSuite } from "./links-sql.suite.js";

linksSqlSuite("embedded PGlite", pgliteInMemory);
