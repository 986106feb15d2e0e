// A long parse in steps: the document's chunks are analysed (and cached) one at a time, with a yield
// after each, so an adapter can give its event loop a turn — and notice a cancelled request — between
// them. parsePlan afterwards finds every chunk in the cache and only assembles the model.
import { analyzeChunk } from './chunkAnalysis';
import type { ReleasePlan } from './model';
import { chunkLayoutOf, reusableChunks } from './reuse';
import { splitChunks } from './sections';
import { bomAsSpace } from './text';

/** `previous`: as for parsePlan; the chunks it will take over from that model are not analysed here. */
export function* analyzeChunksStepwise(input: string, previous?: ReleasePlan): Generator<void, void, void> {
  const text = bomAsSpace(input);
  const reused = reusableChunks(previous && chunkLayoutOf(previous), text);
  for (const chunk of splitChunks(text)) {
    if (reused(chunk)) continue;
    analyzeChunk(chunk.text);
    yield;
  }
}
