// What a dispatched task's node receives (sent with Send): the task and the case's
// context at the moment its round was dispatched.
import type { Usage } from "../../domain/budget.js";
import type { SellerProfile } from "../../domain/profile.js";

export interface WorkerInput<T> {
  task: T;
  profile: SellerProfile;
  asOf: string;
  /** The planning round and the task's place in it: part of every step key. */
  round: number;
  index: number;
  /** The case's usage when the round was dispatched (the token and query budgets). */
  usage: Usage;
  /** The case's id (link analysis names other cases, never this one). */
  caseId: string;
  /** What the case alleges (the web-search model reads it). */
  allegation: string;
}
