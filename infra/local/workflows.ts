/**
 * The local Step Functions: the very ASL files CDK deploys, run by aws-local-stepfunctions, each Task
 * state calling the same handler file its Lambda would run. The callback pattern works through a token
 * registry: `.waitForTaskToken` states wait until `sendTaskSuccess`/`sendTaskFailure` arrive through
 * the same `Workflows` port the decision handler uses in AWS.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';
import {
  type StateMachineSpec,
  stateMachines,
  workflowFunctions,
  workflowHandlerPath,
} from '#functions/workflows';
import { lambdaContext } from '#infra/local/events';
import type { ApprovalInput, Workflows } from '#lib/domain/ports';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
type Invoke = (event: unknown) => Promise<unknown>;
type Definition = { States: Record<string, StateDef>; [k: string]: unknown };
interface StateDef {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: Record<string, unknown> };
  Iterator?: Definition;
  ItemProcessor?: Definition;
  Branches?: Definition[];
  [k: string]: unknown;
}

const FAKE_ARN = (name: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${name}`;
const CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** Reads an ASL file and fills its `${Placeholder}`s, as CDK's definitionSubstitutions do in AWS. */
export function loadDefinition(root: string, spec: StateMachineSpec): Definition {
  const text = readFileSync(resolve(root, spec.file), 'utf8').replace(/\$\{(\w+)\}/g, (_, name: string) =>
    FAKE_ARN(name),
  );
  return JSON.parse(text) as Definition;
}

function placeholderOf(state: StateDef): string | undefined {
  const arn = state.Resource === CALLBACK ? state.Parameters?.FunctionName : state.Resource;
  return arn?.startsWith(FAKE_ARN('')) ? arn.slice(FAKE_ARN('').length) : undefined;
}

/** Every Task state, also inside Map iterators and Parallel branches, with its name. */
function taskStates(def: Definition): [string, StateDef][] {
  return Object.entries(def.States).flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [[name, state] as [string, StateDef]] : []),
    ...[state.Iterator, state.ItemProcessor, ...(state.Branches ?? [])].flatMap((d) =>
      d ? taskStates(d) : [],
    ),
  ]);
}

/** setTimeout for any duration: Node fires at once for delays above 2^31-1 ms (about 24.8 days). */
function after(ms: number, fn: () => void): () => void {
  const MAX = 2 ** 31 - 1;
  let timer: NodeJS.Timeout;
  const arm = (left: number) => {
    timer = setTimeout(() => (left > MAX ? arm(left - MAX) : fn()), Math.min(left, MAX));
    timer.unref();
  };
  arm(ms);
  return () => clearTimeout(timer);
}

class TimeoutError extends Error {
  override name = 'States.Timeout';
}

/** Step Functions refuses a state input or output over 256 KiB; the local runner does too. */
export const PAYLOAD_LIMIT_BYTES = 256 * 1024;

/** As in AWS, a terminal error: no Catch (not even States.ALL) takes it; the execution fails. */
export class DataLimitExceededError extends Error {
  override name = 'States.DataLimitExceeded';
}

interface StateEvent {
  type: string;
  state?: { name: string; input?: unknown; output?: unknown };
}

/** A Task's raw result over the limit fails the state at once, before anything downstream runs. */
function checkTaskResult(state: string, result: unknown): unknown {
  const bytes = Buffer.byteLength(JSON.stringify(result ?? null));
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new DataLimitExceededError(
      `The result of state ${state} is ${bytes} bytes, more than the ${PAYLOAD_LIMIT_BYTES} Step Functions allows.`,
    );
  }
  return result;
}

/** The first state whose input or output is over the limit, watched as the execution runs. */
async function watchPayloads(
  events: AsyncIterable<StateEvent>,
  onTooLarge: (e: Error) => void,
  onState?: (state: string, input: unknown, output: unknown) => void,
) {
  for await (const event of events) {
    if (event.state && (event.type === 'StateEntered' || event.type === 'StateExited'))
      onState?.(event.state.name, event.state.input, event.state.output);
    const value =
      event.type === 'StateEntered'
        ? event.state?.input
        : event.type === 'StateExited'
          ? event.state?.output
          : null;
    if (value === null || value === undefined) continue;
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      const which = event.type === 'StateEntered' ? 'input' : 'output';
      onTooLarge(
        new DataLimitExceededError(
          `The ${which} of state ${event.state?.name} is ${bytes} bytes, more than the ${PAYLOAD_LIMIT_BYTES} Step Functions allows.`,
        ),
      );
      return;
    }
  }
}

class TaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

export interface LocalWorkflowOptions {
  root: string;
  /** How long an approval waits for a decision (default 30 days, as the ASL says). Configuration. */
  approvalTimeoutMs?: number;
  /** Retry pauses in ms instead of the ASL's seconds (tests). */
  retryIntervalMs?: number;
  /**
   * Every state's input and output as it runs: what Step Functions keeps in an execution's history
   * (tests check that no personal data is among it).
   */
  onStateData?: (data: { machine: string; state: string; input?: unknown; output?: unknown }) => void;
  onError?: (error: unknown) => void;
}

export interface LocalWorkflows extends Workflows {
  /** Runs the expiry sweep to its end and returns its output. */
  runExpiry(input: { date?: string }): Promise<unknown>;
  /** Runs the daily KBO follow to its end. */
  runKbo(input: { date?: string }): Promise<unknown>;
  /** Runs the daily access-review step to its end. */
  runReview(input: { date?: string }): Promise<unknown>;
  /** Resolves when no execution is running (tests). */
  idle(): Promise<void>;
  /** Number of running executions. */
  running(): number;
  stop(): void;
}

export function createLocalWorkflows(options: LocalWorkflowOptions): LocalWorkflows {
  const handlers = new Map<string, Promise<Handler>>();
  const handlerFor = (placeholder: string): Promise<Invoke> => {
    const spec = workflowFunctions.find((f) => f.placeholder === placeholder);
    if (!spec) throw new Error(`No workflow function for ${placeholder}`);
    let h = handlers.get(spec.fn);
    if (!h) {
      h = import(pathToFileURL(resolve(options.root, workflowHandlerPath(spec))).href).then(
        (m: { handler: Handler }) => m.handler,
      );
      handlers.set(spec.fn, h);
    }
    return h.then((fn) => (event: unknown) => fn(event, lambdaContext(spec.fn)));
  };

  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const executions = new Set<Promise<unknown>>();
  const aborts = new Set<() => void>();

  const machines = new Map<
    string,
    {
      machine: StateMachine;
      overrides: Record<string, (input: unknown) => Promise<unknown>>;
      retry: Record<string, number>;
    }
  >();
  for (const spec of stateMachines) {
    const def = loadDefinition(options.root, spec);
    const overrides: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retry: Record<string, number> = {};
    for (const [name, state] of taskStates(def)) {
      const placeholder = placeholderOf(state);
      // The callback's timeout is the definition's TimeoutSeconds unless configuration shortens it. The
      // runner enforces it itself: aws-local-stepfunctions arms one plain setTimeout, which Node fires
      // at once beyond 2^31-1 ms (24.8 days), so the copy it gets is capped below that.
      const timeoutMs = options.approvalTimeoutMs ?? Number(state.TimeoutSeconds ?? 60) * 1000;
      if (state.Resource === CALLBACK && Number(state.TimeoutSeconds) * 1000 > 2 ** 31 - 1) {
        state.TimeoutSeconds = Math.floor((2 ** 31 - 1) / 1000);
      }
      if (!placeholder) throw new Error(`Task state ${name} of ${spec.name} names no function placeholder`);
      if (options.retryIntervalMs !== undefined) retry[name] = options.retryIntervalMs;
      overrides[name] =
        state.Resource === CALLBACK
          ? async (input) => {
              // A fresh opaque token per attempt, as Step Functions issues one.
              const token = randomBytes(24).toString('base64url');
              const result = new Promise<unknown>((res, rej) =>
                waiting.set(token, { resolve: res, reject: rej }),
              );
              // Observed here so a handler failure below does not leave it unhandled.
              result.catch(() => undefined);
              const cancel = after(timeoutMs, () =>
                waiting.get(token)?.reject(new TimeoutError('No decision in time.')),
              );
              try {
                const payload = {
                  ...(input as { Payload: Record<string, unknown> }).Payload,
                  taskToken: token,
                };
                await (await handlerFor(placeholder))(payload);
                return await result;
              } finally {
                cancel();
                waiting.delete(token);
              }
            }
          : async (input) => checkTaskResult(name, await (await handlerFor(placeholder))(input));
    }
    machines.set(spec.name, {
      machine: new StateMachine(def as never, { validationOptions: { checkPaths: true, checkArn: true } }),
      overrides,
      retry,
    });
  }

  const run = (name: StateMachineSpec['name'], input: unknown): Promise<unknown> => {
    const m = machines.get(name)!;
    const execution = m.machine.run(
      input as never,
      {
        overrides: { taskResourceLocalHandlers: m.overrides, retryIntervalOverrides: m.retry },
        // The token in $$.Task.Token is replaced by the override with a real one per attempt.
        context: { Task: { Token: 'local' } },
        noThrowOnAbort: true,
      } as never,
    );
    aborts.add(execution.abort);
    let tooLarge: Error | undefined;
    const watched = watchPayloads(
      execution.eventLogs as AsyncIterable<StateEvent>,
      (error) => {
        tooLarge = error;
        execution.abort();
      },
      options.onStateData &&
        ((state, input, output) => options.onStateData?.({ machine: name, state, input, output })),
    );
    const done = execution.result
      .then(
        async (output) => {
          await watched;
          if (tooLarge) throw tooLarge;
          return output;
        },
        (error: Error) => {
          // The runner wraps what failed the execution; a data limit is worth naming as AWS does.
          if (error.cause instanceof DataLimitExceededError) throw error.cause;
          throw error;
        },
      )
      .finally(() => {
        aborts.delete(execution.abort);
        executions.delete(done);
      });
    executions.add(done);
    return done;
  };

  return {
    async startApproval(input: ApprovalInput) {
      // Like StartExecution: returns once started; the execution goes on in the background.
      run('approval', input).catch((error) => options.onError?.(error));
    },
    async sendTaskSuccess(taskToken, output) {
      const w = waiting.get(taskToken);
      if (!w) throw new TaskFailure('TaskTimedOut', 'This task token is no longer valid.');
      w.resolve(output);
    },
    async sendTaskFailure(taskToken, error, cause) {
      const w = waiting.get(taskToken);
      if (!w) throw new TaskFailure('TaskTimedOut', 'This task token is no longer valid.');
      w.reject(new TaskFailure(error, cause));
    },
    runExpiry: (input) => run('expiry', input),
    runKbo: (input) => run('kbo', input),
    runReview: (input) => run('review', input),
    async startReview(input) {
      // Like StartExecution: the campaign opens in the background.
      run('review', input).catch((error) => options.onError?.(error));
    },
    async startBulkJob(input) {
      // Like StartExecution: the job's phase runs in the background; its progress is in the table.
      run('bulk', input).catch((error) => options.onError?.(error));
    },
    async idle() {
      while (executions.size > 0) await Promise.allSettled([...executions]);
    },
    running: () => executions.size,
    stop() {
      for (const abort of aborts) abort();
      for (const w of waiting.values())
        w.reject(new TaskFailure('ExecutionAborted', 'The local stack stopped.'));
    },
  };
}
