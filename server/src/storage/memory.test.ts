import { storageContractSuite } from './contract.testkit.ts';
import { MemoryStorage } from './memory.ts';

storageContractSuite('memory', async () => {
  const storage = new MemoryStorage();
  return { storage, cleanup: () => storage.close() };
});
