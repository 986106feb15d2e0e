// `releasePlan/timeline`: the Gantt data of an open plan for today, what the timeline webview draws.
// The webview asks again as the user types, so it always shows what the checks see.
import { RequestType } from 'vscode-languageserver';
import { planTimelinePicture, type GanttData } from '../service/features/timelineDiagram';
import type { FeatureRegistration } from './planServer';

export const TimelineRequest = new RequestType<{ uri: string }, GanttData | null, void>('releasePlan/timeline');

export const registerTimelineData: FeatureRegistration = (connection, server) => {
  connection.onRequest(TimelineRequest, async ({ uri }) => {
    const plan = await server.planFor(uri);
    return plan ? planTimelinePicture(plan, server.service.clock()).data : null;
  });
  return {};
};
