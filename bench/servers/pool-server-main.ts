// The ground-truth pool server (test/helpers/pool-server.ts) in a process of its own, so the
// generator's CPU does not stretch its service time. Args: WORKERS SERVICE_MS. Prints its URL.
import { startPoolServer } from '../../test/helpers/pool-server.js';

const [workers, serviceMs] = process.argv.slice(2).map(Number);
const server = await startPoolServer(workers, serviceMs);
console.log(server.url);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
