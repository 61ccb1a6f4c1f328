// Reads a story file off the page's main thread: checking a file of megabytes (the RFC 7946
// validator, the JSON scan, the story's own checks) takes from a few hundred milliseconds to
// seconds, during which the page would not answer a click or a key.
import { parseStory } from '../model/parse-story.ts';

/** What the page sends: the file's text, and whether to run the full RFC 7946 validator. */
export interface StoryReaderRequest {
  readonly text: string;
  readonly fullValidation: boolean;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<StoryReaderRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = ({ data }) => {
  // A ParseResult is plain data (objects, arrays, Maps), which structured cloning carries as is.
  scope.postMessage(parseStory(data.text, { fullValidation: data.fullValidation }));
};
