// A tag worker: tokenizes (or reads the cache), matches and decides stance for the documents it is sent,
// and returns their hits and moves. Lexicon and cues arrive once, in workerData.
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../lib/pool.ts';
import { createPieceTagger, type PieceTaggerSetup, type TagJob, type TaggedPiece } from './piece.ts';

const tagPiece = createPieceTagger((workerData as { data: PieceTaggerSetup }).data);

serveJobs<TagJob, TaggedPiece>(async (job) => ({ result: await tagPiece(job) }));
