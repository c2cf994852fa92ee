/**
 * The queue settings of host.json (extensions.queues), for the local host's poller, so that
 * `npm start` calculates runs as the Functions host would: at most batchSize + newBatchThreshold
 * messages at once, a failed message visible again after visibilityTimeout, and moved to the
 * poison queue after maxDequeueCount deliveries.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface HostQueueSettings {
  /** Messages handled at once (the host: batchSize + newBatchThreshold). */
  batchSize: number;
  /** Seconds before a failed message is delivered again (the host's visibilityTimeout). */
  retryDelaySeconds: number;
  maxDequeueCount: number;
}

/** The host's defaults (Azure Functions queue trigger, extension 5.x). */
const DEFAULTS = { batchSize: 16, maxDequeueCount: 5, visibilityTimeout: '00:00:00' };

/** host.json of the function app: the first one found from here upwards (the repo root, or the deployed folder). */
export function findHostJson(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'host.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const seconds = (span: string): number => {
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(span.trim());
  if (!match) throw new Error(`host.json: extensions.queues.visibilityTimeout "${span}" is not hh:mm:ss`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
};

export function queueSettingsFromHostJson(file: string | undefined = findHostJson()): HostQueueSettings {
  const queues = file ? (JSON.parse(fs.readFileSync(file, 'utf8'))?.extensions?.queues ?? {}) : {};
  const batchSize = Number(queues.batchSize ?? DEFAULTS.batchSize);
  const newBatchThreshold = Number(queues.newBatchThreshold ?? Math.floor(batchSize / 2));
  return {
    batchSize: batchSize + newBatchThreshold,
    retryDelaySeconds: seconds(String(queues.visibilityTimeout ?? DEFAULTS.visibilityTimeout)),
    maxDequeueCount: Number(queues.maxDequeueCount ?? DEFAULTS.maxDequeueCount),
  };
}
