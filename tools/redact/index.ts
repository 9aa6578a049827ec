// The PII redactor agents use before text reaches a chat model.
export { createRedactor, type Redactor } from "./redactor.js";
