import gazetteerUrl from '../../data/gazetteer/populated-places.json?url';
import {
  addPlace,
  articleText,
  emptyDraft,
  movePlace,
  parsePosition,
  removePlace,
  renamePlace,
  setArticle,
  storyFileFromDraft,
  togglePassage,
  updatePlace,
  type Draft,
} from '../model/draft.ts';
import { findPlaceNames } from '../model/find-place-names.ts';
import { createGazetteer, nameKey, type Gazetteer, type GazetteerFile } from '../model/gazetteer.ts';
import { slugify } from '../model/import/slug.ts';
import { parseStory } from '../model/parse-story.ts';
import type { LngLat } from '../model/types.ts';
import { createPlacePicker, type PlacePicker } from '../map/create-place-picker.ts';
import { createDetailsForm } from '../ui/editor/details-form.ts';
import { editorProblems } from '../ui/editor/editor-problems.ts';
import { createNameSuggestions } from '../ui/editor/name-suggestions.ts';
import { createParagraphList } from '../ui/editor/paragraph-list.ts';
import { createPlaceList, placeFieldId } from '../ui/editor/place-list.ts';
import { createProblemList, type EditorProblem } from '../ui/editor/problem-list.ts';
import { element } from '../ui/element.ts';
import { layOutEditor } from '../ui/editor/editor-layout.ts';
import { createStoryMap, type StoryMap } from './create-story-map.ts';
import type { DraftStore } from './draft-store.ts';
import { createAutosave } from './editor-autosave.ts';
import '../ui/editor/editor.css';

/** Options of the editor; each has a default. */
export interface EditorOptions {
  /** Where drafts are kept. Defaults to the browser's IndexedDB. */
  readonly store?: Promise<DraftStore>;
  /** The gazetteer's URL. Defaults to the bundled Natural Earth populated places. */
  readonly gazetteerUrl?: string;
}

/** A mounted editor. */
export interface StoryEditor {
  /** Resolves once a saved draft (if any) is restored and the editor is ready for work. */
  readonly ready: Promise<void>;
  destroy(): void;
}

/** Wait after the last change before the story is checked, and the preview redrawn. */
const CHECK_DELAY_MS = 250;
const PREVIEW_DELAY_MS = 600;

/**
 * The story editor: paste an article or open a file, fill in the details, put places on the map
 * and attach paragraphs to them, with the story checked as it is written, a live preview drawn
 * by the real story map, the draft kept in the browser, and the story file to download.
 */
export function createEditor(container: HTMLElement, options: EditorOptions = {}): StoryEditor {
  let draft: Draft = emptyDraft();
  let chosen: number | null = null;
  let gazetteer: Gazetteer | null = null;
  let gazetteerFailed: string | undefined;
  let previous: Draft | null = null;
  let preview: StoryMap | null = null;
  let previewText = '';
  let problems: EditorProblem[] = [];
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const later = (name: string, ms: number, run: () => void): void => {
    clearTimeout(timers.get(name));
    timers.set(name, setTimeout(run, ms));
  };

  // The page's named parts (src/ui/editor/editor-layout.ts).
  const ui = layOutEditor(container);

  const say = (text: string): void => {
    ui.status.textContent = text;
  };

  // Redrawn lists replace their buttons: the focus goes back to the element of the same id.
  const keepFocus = (redraw: () => void): void => {
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    redraw();
    if (focusedId && !document.activeElement?.id) document.getElementById(focusedId)?.focus();
  };

  const details = createDetailsForm(ui.detailsBox, (name, value) => {
    draft = { ...draft, details: { ...draft.details, [name]: value } };
    changed();
  });
  const suggestions = createNameSuggestions(ui.suggestionsBox, (name, lngLat) => add(name, lngLat));
  const placeList = createPlaceList(ui.placesBox, {
    onChoose: (index) => choose(index, { showOnMap: true }),
    onRename(index, name) {
      const place = draft.places[index];
      if (!place) return;
      draft = renamePlace(draft, place.id, name).draft;
      placeList.update(index, draft.places[index]!);
      drawPlaces();
      changed();
    },
    onPosition(index, text) {
      const place = draft.places[index];
      if (!place) return null;
      if (text.trim() === '') {
        draft = updatePlace(draft, place.id, { lngLat: null });
      } else {
        const position = parsePosition(text);
        if (!position.ok) return position.message;
        draft = updatePlace(draft, place.id, { lngLat: position.lngLat });
        picker?.show(position.lngLat);
      }
      placeList.update(index, draft.places[index]!);
      drawPlaces();
      changed();
      return null;
    },
    onSummary(index, text) {
      const place = draft.places[index];
      if (!place) return;
      draft = updatePlace(draft, place.id, { summary: text });
      changed();
    },
    onAliases(index, aliases) {
      const place = draft.places[index];
      if (!place) return;
      draft = updatePlace(draft, place.id, { aliases });
      drawParagraphs();
      changed();
    },
    onMove(index, by) {
      const place = draft.places[index];
      const to = index + by;
      if (!place || to < 0 || to >= draft.places.length) return;
      draft = movePlace(draft, place.id, by);
      chosen = to;
      // The moved place's same control keeps the focus, at its new position.
      const part = (document.activeElement?.id ?? '').replace(/^ed-place-\d+-/, '') || 'up';
      renderAll();
      const target = document.getElementById(placeFieldId(to, part));
      (target?.getAttribute('aria-disabled') === 'true' ? document.getElementById(placeFieldId(to, by < 0 ? 'down' : 'up')) : target)?.focus();
      say(`${place.name || 'The place'} moved to step ${to + 1} of ${draft.places.length}.`);
      changed();
    },
    onRemove(index) {
      const place = draft.places[index];
      if (!place) return;
      previous = draft;
      draft = removePlace(draft, place.id);
      chosen = draft.places.length === 0 ? null : Math.min(index, draft.places.length - 1);
      renderAll();
      (chosen !== null ? document.getElementById(placeFieldId(chosen, 'name')) : ui.newPlace)?.focus();
      say(`${place.name || 'The place'} removed.`);
      ui.undo.hidden = false;
      changed();
    },
  });
  const paragraphs = createParagraphList(ui.paragraphsBox, (paragraphId) => {
    const place = chosen === null ? null : draft.places[chosen];
    if (!place) return;
    draft = togglePassage(draft, place.id, paragraphId);
    const attached = draft.places[chosen ?? 0]?.passages.includes(paragraphId) ?? false;
    keepFocus(drawParagraphs);
    say(`Paragraph ${draft.paragraphs.findIndex((paragraph) => paragraph.id === paragraphId) + 1} ${attached ? 'attached to' : 'detached from'} ${place.name || 'the place'}.`);
    changed();
  });
  const problemList = createProblemList(ui.problemsBox);
  let picker: PlacePicker | null = null;

  const drawPlaces = (): void => {
    picker?.setPlaces(draft.places, chosen);
  };
  const drawParagraphs = (): void => {
    const place = chosen === null ? null : draft.places[chosen];
    const names = place ? [place.name, ...place.aliases].map(nameKey).filter((name) => name.length > 1) : [];
    const named = new Set(draft.paragraphs.filter((paragraph) => names.some((name) => nameKey(paragraph.text).includes(name))).map((paragraph) => paragraph.id));
    paragraphs.render(draft.paragraphs, draft.places, chosen, named);
  };
  const drawSuggestions = (): void => {
    suggestions.render(gazetteer ? findPlaceNames(draft.paragraphs, gazetteer) : null, draft.places, gazetteerFailed);
  };
  const renderAll = (): void => {
    details.set(draft.details);
    if (ui.article.value !== articleText(draft) && document.activeElement !== ui.article) ui.article.value = articleText(draft);
    placeList.render(draft.places, chosen);
    drawSuggestions();
    drawParagraphs();
    drawPlaces();
  };

  function choose(index: number | null, how: { showOnMap: boolean }): void {
    if (index === chosen) return;
    chosen = index;
    placeList.choose(chosen);
    keepFocus(drawParagraphs);
    drawPlaces();
    const place = index === null ? null : draft.places[index];
    if (place?.lngLat && how.showOnMap) picker?.show(place.lngLat);
    if (place && preview && place.lngLat) preview.goTo(place.id);
  }

  function add(name: string, lngLat: LngLat | null): void {
    const trimmed = name.trim();
    if (!trimmed) {
      say('Type the place’s name first.');
      ui.newPlace.focus();
      return;
    }
    const known = lngLat ?? gazetteer?.find(trimmed)?.lngLat ?? null;
    draft = addPlace(draft, trimmed, known).draft;
    chosen = draft.places.length - 1;
    keepFocus(renderAll);
    if (known) picker?.show(known);
    say(
      known
        ? `${trimmed} added at step ${chosen + 1}, placed from the gazetteer: check the position on the map. Now click the paragraphs about it.`
        : `${trimmed} added at step ${chosen + 1}: click the map where it is, or type its position. Then click the paragraphs about it.`,
    );
    changed();
  }

  // Every change: stored after a pause, checked, previewed.
  function changed(): void {
    autosave.changed(draft);
    later('check', CHECK_DELAY_MS, check);
  }

  function check(): void {
    const file = storyFileFromDraft(draft);
    const text = JSON.stringify(file);
    const result = parseStory(text);
    problems = editorProblems(draft, result.ok ? [] : result.problems);
    keepFocus(() => problemList.render(problems));
    if (problems.length === 0 && result.ok) {
      ui.previewNote.textContent = 'The story as readers will see it. Choosing a place shows it here.';
      if (text !== previewText) later('preview', PREVIEW_DELAY_MS, () => showPreview(file, text));
    } else {
      ui.previewNote.textContent = preview
        ? 'The preview shows the story as it was before the problems listed above.'
        : 'The preview appears once the story has no problems.';
    }
  }

  function showPreview(file: object, text: string): void {
    previewText = text;
    preview?.destroy();
    const place = chosen === null ? null : draft.places[chosen];
    preview = createStoryMap(ui.previewBox, { story: file, embedded: true, ...(place?.lngLat ? { step: place.id } : {}) });
  }

  // Drafts: restored on start, stored after each change, and the page warns before leaving
  // work that is not stored anywhere yet.
  const autosave = createAutosave(options.store, {
    onSaved(savedAt) {
      ui.status.dataset.saved = new Date(savedAt).toISOString();
      ui.status.title = `Draft saved in this browser at ${new Date(savedAt).toLocaleTimeString()}`;
    },
    onUnavailable: say,
  });

  ui.article.addEventListener('input', () => {
    draft = setArticle(draft, ui.article.value);
    // The article's names are looked for once typing pauses, not at each key.
    later('suggest', CHECK_DELAY_MS, () => keepFocus(drawSuggestions));
    keepFocus(drawParagraphs);
    changed();
  });
  ui.addButton.addEventListener('click', () => {
    add(ui.newPlace.value, null);
    if (ui.newPlace.value.trim()) ui.newPlace.value = '';
  });
  ui.newPlace.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    ui.addButton.click();
  });
  ui.openButton.addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', () => {
    const files = [...(ui.fileInput.files ?? [])];
    ui.fileInput.value = '';
    if (files.length === 0) return;
    // The importers (CSV, JSON5, HTML entities) are loaded only when a file is opened.
    void Promise.all([import('../model/draft-from-files.ts'), ...files.map(async (file) => ({ name: file.name, text: await file.text() }))]).then(([{ draftFromFiles }, ...opened]) => {
      try {
        const result = draftFromFiles(opened, draft.details);
        if (draft.paragraphs.length > 0 || draft.places.length > 0) {
          previous = draft;
          ui.undo.hidden = false;
        }
        draft = result.draft;
        chosen = draft.places.length > 0 ? 0 : null;
        renderAll();
        picker?.showAll();
        const lost = result.warnings.length > 0 ? ` Not carried over: ${result.warnings.join(' ')}` : '';
        say(`Opened ${opened.map((file) => file.name).join(' and ')}, ${result.kind}: ${draft.paragraphs.length} paragraphs, ${draft.places.length} places.${lost}`);
        changed();
      } catch (error) {
        say(`${opened[0]?.name ?? 'The file'} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
        console.error(error);
      }
    }, (error: unknown) => {
      say(`The file could not be read, or the code that reads it failed to load (${error instanceof Error ? error.message : String(error)}). Try again.`);
      console.error(error);
    });
  });
  ui.undo.addEventListener('click', () => {
    if (!previous) return;
    draft = previous;
    previous = null;
    ui.undo.hidden = true;
    chosen = draft.places.length > 0 ? 0 : null;
    renderAll();
    say('The previous draft is back.');
    changed();
  });
  ui.downloadButton.addEventListener('click', () => {
    check();
    const file = storyFileFromDraft(draft);
    const name = `${slugify(draft.details.title, 'story')}.geojson`;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/geo+json' }));
    const link = element('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    autosave.downloaded();
    say(
      problems.length === 0
        ? `Downloaded ${name}. Publish it next to the map, or open it with ?story= (docs/story-format.md).`
        : `Downloaded ${name}, with ${problems.length === 1 ? 'one problem' : `${problems.length} problems`} to fix before it can be shown (listed under Problems).`,
    );
  });
  ui.clearButton.addEventListener('click', () => {
    ui.confirmClear.hidden = false;
    ui.clearNo.focus();
  });
  ui.clearNo.addEventListener('click', () => {
    ui.confirmClear.hidden = true;
    ui.clearButton.focus();
  });
  ui.clearYes.addEventListener('click', () => {
    ui.confirmClear.hidden = true;
    previous = null;
    ui.undo.hidden = true;
    draft = emptyDraft();
    chosen = null;
    ui.article.value = '';
    renderAll();
    preview?.destroy();
    preview = null;
    previewText = '';
    autosave.clear();
    say('The draft is cleared: paste an article or open a file to start.');
    later('check', 0, check);
    ui.article.focus();
  });

  const ready = (async (): Promise<void> => {
    renderAll();
    picker = createPlacePicker(ui.mapBox, {
      onPick(lngLat) {
        const place = chosen === null ? null : draft.places[chosen];
        if (!place) {
          say('Choose a place first (add one, or press its Choose button), then click the map where it is.');
          return;
        }
        draft = updatePlace(draft, place.id, { lngLat });
        placeList.update(chosen!, draft.places[chosen!]!);
        drawPlaces();
        say(`${place.name || 'The place'} placed at ${lngLat[1].toFixed(5)}, ${lngLat[0].toFixed(5)}.`);
        changed();
      },
      onMove(index, lngLat) {
        const place = draft.places[index];
        if (!place) return;
        draft = updatePlace(draft, place.id, { lngLat });
        placeList.update(index, draft.places[index]!);
        choose(index, { showOnMap: false });
        say(`${place.name || 'The place'} moved to ${lngLat[1].toFixed(5)}, ${lngLat[0].toFixed(5)}.`);
        changed();
      },
      onChoose(index) {
        choose(index, { showOnMap: false });
        document.getElementById(placeFieldId(index, 'row'))?.scrollIntoView({ block: 'nearest' });
        say(`${draft.places[index]?.name || 'The place'} chosen: click the map to move it there, or the paragraphs to attach them.`);
      },
    }, { reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches });
    drawPlaces();
    // The gazetteer is large (about 110 KB compressed) and only suggests: the editor works without it.
    void fetch(options.gazetteerUrl ?? gazetteerUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<GazetteerFile>;
      })
      .then(
        (file) => {
          gazetteer = createGazetteer(file);
          keepFocus(drawSuggestions);
        },
        (error: unknown) => {
          gazetteerFailed = 'The list of known places could not be loaded, so no places are suggested; add them by name and put them on the map.';
          console.warn('The gazetteer could not be loaded:', error);
          drawSuggestions();
        },
      );
    const stored = await autosave.restore();
    if (stored) {
      draft = stored.draft;
      chosen = draft.places.length > 0 ? 0 : null;
      renderAll();
      picker.showAll();
      say(`Your draft is back, as saved at ${new Date(stored.savedAt).toLocaleString()}.`);
    } else if (!ui.status.textContent) {
      say('Paste an article or open a file to start. Your work is kept in this browser as you go.');
    }
    check();
  })();

  return {
    ready,
    destroy() {
      for (const timer of timers.values()) clearTimeout(timer);
      autosave.destroy();
      preview?.destroy();
      picker?.destroy();
      container.replaceChildren();
    },
  };
}
