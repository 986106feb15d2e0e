// `releasePlan/timeline`: the Gantt data of an open plan for today, what the timeline webview draws.
// The webview asks again as the user types, so it always shows what the checks see.
import { TimelineRequest } from '../protocol/index';
import { planTimelinePicture } from '../service/index';
import { requestType } from './messages';
import type { FeatureRegistration } from './planServer';

export const registerTimelineData: FeatureRegistration = (connection, server) => {
  connection.onRequest(requestType(TimelineRequest), async ({ uri }) => {
    const plan = await server.planFor(uri);
    return plan ? planTimelinePicture(plan, server.service.clock()).data : null;
  });
  return {};
};
