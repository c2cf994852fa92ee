/**
 * The template list is one storage query shared by concurrent readers and reused briefly:
 * this instance's writes are visible at once, another instance's within listCacheMs.
 */
import { TemplateStore } from '../../../functions/src/templates/store';
import { clientsFor, fileStorage, metadata, workbookBytes } from './helpers';

const storage = fileStorage();

it('concurrent lists share one query; this instance sees its own writes immediately', async () => {
  const clients = clientsFor(storage.connectionString);
  const store = new TemplateStore(clients, { listCacheMs: 60_000 });
  await store.create(metadata('cache-one'), workbookBytes());
  const spy = jest.spyOn(clients.tables.templates, 'listEntities');
  const lists = await Promise.all(Array.from({ length: 25 }, () => store.list()));
  expect(spy).toHaveBeenCalledTimes(1);
  expect(lists.every((l) => l.map((r) => r.id).join() === 'cache-one')).toBe(true);
  const created = await store.create(metadata('cache-two'), workbookBytes());
  expect((await store.list()).map((r) => r.id)).toEqual(['cache-one', 'cache-two']);
  await store.remove('cache-two', created.etag);
  expect((await store.list()).map((r) => r.id)).toEqual(['cache-one']);
});

it("another instance's writes show once listCacheMs has passed", async () => {
  const clients = clientsFor(storage.connectionString);
  const reader = new TemplateStore(clients, { listCacheMs: 300 });
  const writer = new TemplateStore(clients, { listCacheMs: 0 });
  expect(await reader.list()).toEqual([]);
  await writer.create(metadata('cache-elsewhere'), workbookBytes());
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect((await reader.list()).map((r) => r.id)).toEqual(['cache-elsewhere']);
});
