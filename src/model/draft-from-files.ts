import { draftFromStoryFile, type Draft, type DraftDetails } from './draft.ts';
import type { ImportResult } from './import/build-story.ts';
import { importMapboxConfig } from './import/from-mapbox-config.ts';
import { importSheets } from './import/from-sheets.ts';
import { importStoryMapJs } from './import/from-storymapjs.ts';

/** A file an author opened: its name and text. */
export interface OpenedFile {
  readonly name: string;
  readonly text: string;
}

/** A draft from opened files, and what did not come across from another tool. */
export interface OpenedDraft {
  readonly draft: Draft;
  /** What kind of file it was, for the editor to say: "a story file", "a StoryMapJS story"... */
  readonly kind: string;
  readonly warnings: readonly string[];
}

/**
 * A draft from what an author opened: a story file (GeoJSON), a StoryMapJS story (JSON), the
 * Google Sheets template's Chapters tab (CSV, with its Options tab if opened with it), or a
 * Mapbox/MapLibre storytelling config.js (read as data, never run). The details the author has
 * already typed fill what the other tool lacks. Throws an Error saying what is wrong.
 */
export function draftFromFiles(files: readonly OpenedFile[], details: DraftDetails): OpenedDraft {
  const [first] = files;
  if (!first) throw new Error('No file was opened.');
  const text = first.text.replace(/^\uFEFF/, '');
  const name = first.name.toLowerCase();
  // What no other tool records; left empty when not yet typed (the form asks for it).
  const given = {
    publisher: details.publisher,
    published: details.published,
    dateline: details.dateline,
    language: details.language || 'en',
    byline: details.byline || null,
  };
  const withTitle = (run: (title: string | null) => ImportResult): ImportResult => {
    try {
      return run(details.title || null);
    } catch (error) {
      // A tool's file without a title of its own: the file's name stands in until one is typed.
      if (error instanceof Error && /^No title/.test(error.message)) return run(first.name.replace(/\.[^.]+$/, ''));
      throw error;
    }
  };
  let imported: { result: ImportResult; kind: string };
  if (name.endsWith('.csv')) {
    const chapters = files.find((file) => /^\uFEFF?"?Chapter"?,/.test(file.text)) ?? first;
    const options = files.find((file) => file !== chapters && /^\uFEFF?"?Setting"?,/.test(file.text)) ?? null;
    imported = { result: withTitle((title) => importSheets(chapters.text, options?.text ?? null, { ...given, title })), kind: 'a Google Sheets template story' };
  } else if (name.endsWith('.js') || name.endsWith('.mjs')) {
    imported = { result: withTitle((title) => importMapboxConfig(text, { ...given, title })), kind: 'a Mapbox storytelling config' };
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${first.name} is not JSON (${error instanceof Error ? error.message : String(error)}). Open a story file (.geojson), a StoryMapJS .json, a Sheets template .csv or a storytelling config.js.`, { cause: error });
    }
    if (typeof json === 'object' && json !== null && 'storymap' in json) {
      imported = { result: withTitle((title) => importStoryMapJs(text, { ...given, title })), kind: 'a StoryMapJS story' };
    } else {
      return { draft: draftFromStoryFile(json), kind: 'a story file', warnings: [] };
    }
  }
  const draft = draftFromStoryFile(imported.result.story);
  // The editor's own: places from another tool take their ids from their names as they are edited.
  return { draft: { ...draft, places: draft.places.map((place) => ({ ...place, idFromName: true })) }, kind: imported.kind, warnings: imported.result.warnings };
}
