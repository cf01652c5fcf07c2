/**
 * A function's own floor: the same DynamoDB client as the handlers (`createDynamoClients`) making the
 * very requests the function made on its first invocation (recorded by bench/startup.ts), in the same
 * order, side by side where the function made them side by side, and nothing else. What a function
 * costs above this is our code (middy, validation, logging, the use case), not its requests.
 */
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';

const { doc } = createDynamoClients(process.env.DYNAMODB_ENDPOINT);

/** The base client's command names (what the recorder sees) → the document client's commands. */
const COMMANDS = {
  GetItemCommand: GetCommand,
  QueryCommand,
  PutItemCommand: PutCommand,
  UpdateItemCommand: UpdateCommand,
  DeleteItemCommand: DeleteCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
  BatchWriteItemCommand: BatchWriteCommand,
} as const;

export interface RecordedRequest {
  command: keyof typeof COMMANDS;
  input: unknown;
}

/** JSON has no Set; the recorder writes `{ __set: [...] }` (DynamoDB string sets, `ADD delivered :r`). */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.__set)) return new Set(record.__set);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

export const handler = async (event: { groups: RecordedRequest[][] }) => {
  for (const group of event.groups) {
    await Promise.all(
      group.map((r) => {
        const Command = COMMANDS[r.command] as new (input: never) => Parameters<typeof doc.send>[0];
        // The outcome is the function's business; a conditional failure costs the same round trip.
        return doc.send(new Command(revive(r.input) as never)).catch(() => undefined);
      }),
    );
  }
  return { statusCode: 200 };
};
