// The PII redactor agents use before text reaches a chat model.
export { caseRedactionKey, createRedactor, type Redactor } from "./redactor.js";
