import { openPglite } from "../../../db/pglite.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { crashResumeSuite } from "./crash-resume.suite.js";

// Embedded PGlite in a data directory: the child and the recovering process take
// turns (the data-directory lock passes from a dead process to the next one).
crashResumeSuite(async () => {
  const dir = tempDir("casehound-crash-");
  return {
    name: "PGlite",
    childEnv: { CASEHOUND_DATA_DIR: dir },
    open: () => openPglite(dir),
    release: (db) => db.close(),
    dispose: async () => removeDir(dir),
  };
});
