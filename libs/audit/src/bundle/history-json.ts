import { createRequire } from 'node:module';
import { temporal } from '@temporalio/proto';

/*
 * The proto3 JSON of a history, as `temporal workflow show --output json` writes it. The SDK's own
 * historyToJSON/historyFromJSON fail here: @temporalio/common carries its own protobufjs copy, whose
 * protojson refuses the types of @temporalio/proto's copy. So protojson is taken from the copy
 * @temporalio/proto resolves, with that package's own root.
 */
const fromProto = createRequire(require.resolve('@temporalio/proto'));
const protojson: {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): unknown;
} = fromProto('protobufjs/ext/protojson');
const { patchProtobufRoot } = fromProto('@temporalio/proto/lib/patch-protobuf-root') as {
  patchProtobufRoot<T>(root: T): T & { lookupType(name: string): unknown };
};
const historyType = patchProtobufRoot(fromProto('@temporalio/proto')).lookupType('temporal.api.history.v1.History');

type History = temporal.api.history.v1.IHistory;

export function historyToJson(history: History): string {
  return `${JSON.stringify(protojson.toJson(historyType, temporal.api.history.v1.History.fromObject(history as never)), null, 2)}\n`;
}

/** Fields a newer server adds are ignored, as Temporal's own tools do. */
export function historyFromJson(text: string): temporal.api.history.v1.History {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { events?: unknown }).events))
    throw new TypeError('not a history: expected an object with an array of events');
  return protojson.fromJson(historyType, parsed, { ignoreUnknownFields: true }) as temporal.api.history.v1.History;
}
