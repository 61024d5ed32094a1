import type { temporal } from '@temporalio/proto';

/** The marker core records for each local activity. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** What core's marker data says of a local activity: its sequence number and type, among others. */
export interface LocalActivityMarkerData {
  seq?: number;
  activity_type?: string;
}

/** The data of a local activity's marker; undefined for any other event, or data that does not parse. */
export function localActivityMarkerData(event: temporal.api.history.v1.IHistoryEvent): LocalActivityMarkerData | undefined {
  const marker = event.markerRecordedEventAttributes;
  const data = marker?.markerName === LOCAL_ACTIVITY_MARKER ? marker.details?.['data']?.payloads?.[0]?.data : undefined;
  if (!data) return undefined;
  try {
    return JSON.parse(Buffer.from(data).toString('utf8')) as LocalActivityMarkerData;
  } catch {
    return undefined;
  }
}
