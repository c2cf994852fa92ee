/**
 * host.json's queue settings (docs/spec/api.md "Scale-out") agree with the code that relies on
 * them: the calculation marks a run failed on the 5th delivery, so the host must move a message
 * to the poison queue after exactly that many; and each instance takes few runs at once (a run
 * of 1,000 people is CPU-bound), so scale-out, not concurrency, absorbs a month-end close.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findHostJson, queueSettingsFromHostJson } from '../../../functions/src/local/host-json';
import { MAX_DEQUEUE_COUNT } from '../../../functions/src/runs/process';

const host = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../host.json'), 'utf8'));
const queues = host.extensions.queues;

it('moves a message to runs-poison after the delivery on which the calculation marks the run failed', () => {
  expect(queues.maxDequeueCount).toBe(MAX_DEQUEUE_COUNT);
});

it('lets one instance calculate at most batchSize + newBatchThreshold runs at once, a handful', () => {
  expect(queues.batchSize + queues.newBatchThreshold).toBeLessThanOrEqual(4);
  expect(queues.newBatchThreshold).toBeLessThan(queues.batchSize);
});

it('retries a failed calculation after a pause (hh:mm:ss), not at once', () => {
  expect(queues.visibilityTimeout).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  const [h, m, s] = queues.visibilityTimeout.split(':').map(Number);
  expect(h * 3600 + m * 60 + s).toBeGreaterThanOrEqual(10);
});

describe('the local host polls as host.json tells the Functions host', () => {
  it('reads the settings: runs at once = batchSize + newBatchThreshold, the retry pause, the deliveries', () => {
    expect(queueSettingsFromHostJson(path.join(__dirname, '../../../host.json'))).toEqual({
      batchSize: queues.batchSize + queues.newBatchThreshold,
      retryDelaySeconds: 30,
      maxDequeueCount: 5,
    });
  });

  it('finds host.json from the code upwards (the repo root, or the deployed folder)', () => {
    expect(findHostJson(path.join(__dirname, '../../../functions/src/local'))).toBe(path.resolve(__dirname, '../../../host.json'));
  });

  it("takes the host's defaults for what host.json leaves out", () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'perfplan-host-'));
    fs.writeFileSync(path.join(dir, 'host.json'), JSON.stringify({ version: '2.0' }));
    expect(queueSettingsFromHostJson(path.join(dir, 'host.json'))).toEqual({ batchSize: 24, retryDelaySeconds: 0, maxDequeueCount: 5 });
    fs.writeFileSync(path.join(dir, 'host.json'), JSON.stringify({ extensions: { queues: { visibilityTimeout: '30s' } } }));
    expect(() => queueSettingsFromHostJson(path.join(dir, 'host.json'))).toThrow(/not hh:mm:ss/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
