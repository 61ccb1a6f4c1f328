/** Ids reserved by the story format. */
const RESERVED = new Set(['overview']);

/**
 * A slug for a place's id, from its name: lowercase letters and digits joined by single hyphens,
 * accents dropped ("Sochi, Krasnaya Polyana" → "sochi-krasnaya-polyana"); `fallback` when nothing
 * is left (a name in a script with no Latin letters).
 */
export function slugify(name: string, fallback = 'place'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * Gives out slugs unique within one story: the second "moscow" is "moscow-2". `taken` are ids the
 * story already uses.
 */
export function uniqueSlugs(taken: Iterable<string> = []): (name: string, fallback?: string) => string {
  const used = new Set<string>([...RESERVED, ...taken]);
  return (name, fallback) => {
    const base = slugify(name, fallback);
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}
