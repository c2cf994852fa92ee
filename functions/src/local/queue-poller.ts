/**
 * Queue-triggered functions outside the Functions host: polls a Storage queue (Azurite under
 * `npm start` and in tests) and calls the very handler `app.storageQueue` registers, the way the
 * host's queue trigger does:
 *
 *   - messages are fetched in batches (`batchSize`, default 16 as the host's) and hidden for
 *     `visibilityTimeoutSeconds` while they run;
 *   - the handler gets the message base64-decoded and JSON-parsed when it is JSON (text
 *     otherwise) and an InvocationContext whose triggerMetadata carries id, dequeueCount,
 *     insertionTime, expirationTime, nextVisibleTime and popReceipt;
 *   - success deletes the message; a failure makes it visible again after `retryDelaySeconds`
 *     (the host's visibilityTimeout setting, default 0), and a failure on the
 *     `maxDequeueCount`th delivery (default 5) moves it to `<queue>-poison`.
 *
 * A process killed mid-message leaves it invisible until its visibility timeout passes; then
 * it is delivered again with a higher dequeueCount — as in Azure.
 */
import { InvocationContext } from '@azure/functions';
import type { QueueClient } from '@azure/storage-queue';
import { randomUUID } from 'crypto';
import { messageOf } from '../../../i18n/localized-error';

export type QueueHandler = (message: unknown, context: InvocationContext) => Promise<void>;

export interface QueuePollerOptions {
  name: string;
  queue: QueueClient;
  poison: QueueClient;
  handler: QueueHandler;
  batchSize?: number;
  maxDequeueCount?: number;
  visibilityTimeoutSeconds?: number;
  retryDelaySeconds?: number;
  /** Longest wait between polls of an empty queue (default 1 s; the host backs off to 1 min). */
  maxPollIntervalMs?: number;
  log?: (line: string) => void;
}

export interface QueuePoller {
  /** Resolves once the messages being handled are done. */
  stop(): Promise<void>;
}

// The abort listener goes when the timer fires: the poller's signal lives as long as the poller,
// and a listener left behind by every idle poll would pile up on it.
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener('abort', wake, { once: true });
  });

function decode(text: string): unknown {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  // Not base64 (a message put there as plain text): the text itself.
  const body = Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '') ? decoded : text;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export function startQueuePoller(options: QueuePollerOptions): QueuePoller {
  const {
    name,
    queue,
    poison,
    handler,
    batchSize = 16,
    maxDequeueCount = 5,
    visibilityTimeoutSeconds = 600,
    retryDelaySeconds = 0,
    maxPollIntervalMs = 1000,
    log = () => undefined,
  } = options;
  const stopping = new AbortController();

  async function handle(message: { messageId: string; popReceipt: string; messageText: string; dequeueCount: number; insertedOn: Date; expiresOn: Date; nextVisibleOn: Date }) {
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: name,
      triggerMetadata: {
        id: message.messageId,
        dequeueCount: message.dequeueCount,
        insertionTime: message.insertedOn,
        expirationTime: message.expiresOn,
        nextVisibleTime: message.nextVisibleOn,
        popReceipt: message.popReceipt,
      },
      logHandler: (level, ...args) => log(`[${name}] ${level}: ${args.map(String).join(' ')}`),
    });
    try {
      await handler(decode(message.messageText), context);
      await queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      log(`[${name}] message ${message.messageId} failed (delivery ${message.dequeueCount}): ${messageOf(error)}`);
      try {
        if (message.dequeueCount >= maxDequeueCount) {
          await poison.createIfNotExists();
          await poison.sendMessage(message.messageText);
          await queue.deleteMessage(message.messageId, message.popReceipt);
          log(`[${name}] message ${message.messageId} moved to ${poison.name}`);
        } else {
          await queue.updateMessage(message.messageId, message.popReceipt, undefined, retryDelaySeconds);
        }
      } catch (storageError) {
        // The message reappears by itself when its visibility timeout passes.
        log(`[${name}] could not release message ${message.messageId}: ${messageOf(storageError)}`);
      }
    }
  }

  const loop = (async () => {
    let idle = 100;
    let created = false;
    while (!stopping.signal.aborted) {
      try {
        if (!created) {
          await queue.createIfNotExists();
          created = true;
        }
        const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: batchSize, visibilityTimeout: visibilityTimeoutSeconds });
        if (receivedMessageItems.length === 0) {
          await sleep(idle, stopping.signal);
          idle = Math.min(idle * 2, maxPollIntervalMs);
          continue;
        }
        idle = 100;
        await Promise.all(receivedMessageItems.map((m) => handle(m)));
      } catch (error) {
        log(`[${name}] polling failed: ${messageOf(error)}`);
        await sleep(maxPollIntervalMs, stopping.signal);
      }
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
