/** Starts the local stack (gateway, dev issuer, handlers) on a free port over the shared DynamoDB Local. */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { type LocalStack, startLocalStack } from '#infra/local/stack';
import { launchChromium, type TestBrowser } from './browser.ts';

export async function startTestStack(
  options: {
    today?: string;
    approvalTimeoutMs?: number;
    tableName?: string;
    events?: NonNullable<Parameters<typeof startLocalStack>[0]['events']>;
  } = {},
): Promise<LocalStack & { token(nationalNumber: string): Promise<string> }> {
  // Request logs are for operators; in tests only warnings and errors are worth the noise.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    magda: inject('magda'),
    tableName: options.tableName ?? `e2e-${randomUUID()}`,
    // The daily sweep would write while tests compare the table; tests run it explicitly.
    schedule: false,
    ...(options.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: options.approvalTimeoutMs } : {}),
    ...(options.today ? { today: options.today } : {}),
    // The change events' pipe polls the table's stream; only the tests that watch the events start it.
    events: options.events ?? false,
  });
  return {
    ...stack,
    /** A real token from the running issuer, over HTTP, as a script would get it. */
    async token(nationalNumber: string) {
      const res = await fetch(`${stack.url}/idp/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nationalNumber }),
      });
      if (res.status !== 200) throw new Error(`token: ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/** The local stack and Debian's Chromium with one page, for browser tests that need no web build. */
export interface StackAndPage {
  stack: TestStack;
  browser: TestBrowser;
  page: Page;
}

export async function startStackAndPage(options: { today?: string } = {}): Promise<StackAndPage> {
  const stack = await startTestStack(options);
  try {
    const browser = await launchChromium();
    return { stack, browser, page: await browser.newPage() };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Closes the browser, then stops the stack; either may be missing when the start failed. */
export async function stopStackAndPage(started: { stack?: TestStack; browser?: TestBrowser }): Promise<void> {
  await started.browser?.close();
  await started.stack?.stop();
}
