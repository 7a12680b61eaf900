import type { IncomingMessage, ServerResponse } from "node:http";

import type { IsoDate } from "@/lib/dates";

import type { FaultPlan } from "./faults";
import type { ResolvedOptions } from "./options";
import type { SimAccount } from "./profile";
import type { TokenStore } from "./token-store";
import type { GroundTruth } from "./truth";

/** What every request handler of the simulator shares. */
export interface SimulatorState {
  options: ResolvedOptions;
  truth: GroundTruth;
  accounts: Map<string, SimAccount>;
  tokens: TokenStore;
  faults: FaultPlan;
  today(): IsoDate;
  /** Calls per `${appid} ${endpoint} ${today}`. */
  quotaUsed: Map<string, number>;
  /** Datacube calls so far (drives revokeTokenEvery). */
  datacubeCalls: number;
  /** Keeps a request unanswered (timeout fault) until the client gives up or the hold ends. */
  hold(req: IncomingMessage, res: ServerResponse): void;
}

export interface RequestContext {
  state: SimulatorState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: string;
}

/** The simulated third-party platform. */
export const COMPONENT_APPID = "wxsimcomponent01";
export const COMPONENT_SECRET = "simcomponentsecret";
