import { randomKey } from '../core/idempotency.js';
import { withCache } from './cache.js';
import { runAdapterConformance } from './conformance.js';
import { createHttpAdapter } from './http/http-adapter.js';
import { LocalBackend } from './local/backend.js';
import { LocalAdapter } from './local/local-adapter.js';
import { deleteDatabases, testServer, uniqueName } from './test-support.js';

runAdapterConformance('memory', () => {
  const backend = new LocalBackend();
  return { organiser: new LocalAdapter(backend), participants: [new LocalAdapter(backend), new LocalAdapter(backend)], cleanup: () => backend.close() };
});

runAdapterConformance('local, persisted, each device in its own tab (BroadcastChannel)', () => {
  const name = uniqueName('conformance-local');
  // Three backends on one database are three tabs: writes from one reach the others' subscribers.
  const tabs = [0, 1, 2].map(() => new LocalBackend({ persist: name, broadcast: true }));
  const device = (tab: LocalBackend) => new LocalAdapter(tab, { device: randomKey(32) });
  return {
    organiser: device(tabs[0]),
    participants: [device(tabs[1]), device(tabs[2])],
    cleanup: async () => {
      for (const tab of tabs) tab.close();
      await deleteDatabases(name);
    },
  };
});

runAdapterConformance('withCache(memory)', () => {
  const backend = new LocalBackend();
  const names: string[] = [];
  const cached = () => {
    const name = uniqueName('conformance-cache');
    names.push(`${name}:cache`, `${name}:outbox`);
    return withCache(new LocalAdapter(backend), { name });
  };
  const organiser = cached();
  const participants: [ReturnType<typeof cached>, ReturnType<typeof cached>] = [cached(), cached()];
  return {
    organiser,
    participants,
    cleanup: async () => {
      for (const adapter of [organiser, ...participants]) adapter.close();
      await deleteDatabases(...names);
    },
  };
});

runAdapterConformance('http, reference server', async () => {
  const { url, adminToken } = await testServer();
  const adapters = [createHttpAdapter({ baseUrl: url, adminToken, device: randomKey(32) }), createHttpAdapter({ baseUrl: url, device: randomKey(32) }), createHttpAdapter({ baseUrl: url, device: randomKey(32) })];
  return { organiser: adapters[0], participants: [adapters[1], adapters[2]], cleanup: () => adapters.forEach((adapter) => adapter.close()) };
});

runAdapterConformance('withCache(http), reference server', async () => {
  const { url, adminToken } = await testServer();
  const names: string[] = [];
  const cached = (options: { adminToken?: string } = {}) => {
    const name = uniqueName('conformance-http-cache');
    names.push(`${name}:cache`, `${name}:outbox`);
    return withCache(createHttpAdapter({ baseUrl: url, device: randomKey(32), ...options }), { name });
  };
  const adapters = [cached({ adminToken }), cached(), cached()];
  return {
    organiser: adapters[0],
    participants: [adapters[1], adapters[2]],
    cleanup: async () => {
      for (const adapter of adapters) adapter.close();
      await deleteDatabases(...names);
    },
  };
});
