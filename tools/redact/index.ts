// The PII redactor agents use before text reaches a chat model.
export { caseRedactionKey, createRedactor, PLACEHOLDER_SOURCE, type Redactor } from "./redactor.js";
