import { pgliteInMemory } from "../../support/engines.js";
import { baselineSnapshotSuite } from "./baseline-snapshots.suite.js";

baselineSnapshotSuite("PGlite", pgliteInMemory);
