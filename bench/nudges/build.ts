/**
 * Builds (or finds) the data set in a process of its own and answers with its DatasetInfo over
 * IPC. The build holds hundreds of MB for a minute; done in the orchestrator, that peak would
 * stay in its RSS and, on Linux, be inherited as maxRSS by every process it forks afterwards.
 */
import { ensureDataset, type DatasetOptions } from './dataset.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as DatasetOptions;
process.send?.(ensureDataset(options, (line) => console.log(line)));
