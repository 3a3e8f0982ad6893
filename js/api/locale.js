// The one language-tag rule of the JavaScript side, the same as Rust's `Locale::from_tag`: a BCP 47 tag read by
// its primary language subtag, case-insensitive, with `-` or `_` after it ("ko", "ko-KR", "en-US", "en_GB", "EN").
// Anything else (another language, "", garbage) is no locale: the API refuses it, the forms layer and the memo
// guard fall back to Korean. tests/data/locale_tags.json holds the vectors every side is tested against.

/** 'ko', 'en', or undefined for a tag of another language or none. */
export function localeOf(tag) {
  if (typeof tag !== 'string') return undefined;
  return /^(ko|en)(?:[-_]|$)/i.exec(tag)?.[1].toLowerCase();
}

/**
 * The page's message language for an element: the given tag, else the nearest `lang` attribute (through a shadow
 * root to its host, and on); Korean else.
 */
export function pageLocale(tag, el) {
  for (; tag === undefined && el; el = el.getRootNode?.().host) tag = el.closest('[lang]')?.lang;
  return localeOf(tag) ?? 'ko';
}
