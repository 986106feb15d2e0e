// A long parse in steps: the document's chunks are analysed (and cached) one at a time, with a yield
// after each, so an adapter can give its event loop a turn — and notice a cancelled request — between
// them. parsePlan afterwards finds every chunk in the cache and only assembles the model.
import { analyzeChunk } from './chunkAnalysis';
import { splitChunks } from './sections';
import { bomAsSpace } from './text';

export function* analyzeChunksStepwise(input: string): Generator<void, void, void> {
  for (const chunk of splitChunks(bomAsSpace(input))) {
    analyzeChunk(chunk.text);
    yield;
  }
}
