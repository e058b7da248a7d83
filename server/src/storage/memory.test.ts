import { storageContractSuite } from './contract.ts';
import { MemoryStorage } from './memory.ts';

storageContractSuite('memory', async () => {
  const storage = new MemoryStorage();
  return { storage, cleanup: () => storage.close() };
});
