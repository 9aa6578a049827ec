import { pgliteInMemory } from "../../support/engines.js";
import { redTeamSqlSuite } from "./red-team-sql.suite.js";

redTeamSqlSuite("PGlite", pgliteInMemory);
