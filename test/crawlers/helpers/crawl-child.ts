/**
 * A crawl in its own process, for the kill-and-resume test.
 * Usage: node --import tsx crawl-child.ts <sitesFile> <dbPath> <blobDir> <rps>
 */
import { crawl, loadSites } from '../../../crawlers/index.ts';
import { BlobStore } from '../../../src/store/blobs.ts';
import { openDb } from '../../../src/store/db.ts';

const [sitesFile, dbPath, blobDir, rps] = process.argv.slice(2);
const db = openDb(dbPath);
const sites = loadSites(sitesFile).map((s) => ({ ...s, rps: Number(rps) }));
const summary = await crawl({ db, blobs: new BlobStore(blobDir), sites, runId: `child-${process.pid}`, backoffBaseMs: 50, timeoutMs: 10_000 });
db.close();
process.stdout.write(JSON.stringify(summary));
