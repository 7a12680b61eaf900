import type { EndpointName } from "@/lib/wechat/endpoints";

import { LEGACY_VIEWS } from "./views-legacy";
import { NEW_VIEWS } from "./views-new";
import type { DayRows } from "./views-shared";
import { USER_VIEWS } from "./views-users";

export type { Row, ViewContext } from "./views-shared";

/**
 * Each endpoint as a view of the account's truth for one ref date. Both generations read
 * the same integers, which is what makes their figures agree.
 */
export const VIEWS: Record<EndpointName, DayRows> = { ...LEGACY_VIEWS, ...NEW_VIEWS, ...USER_VIEWS };
