/** A story file that could not be fetched, with a message for the reader. */
export class StoryLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryLoadError';
  }
}
