/**
 * Splits a room name for a middle ellipsis: the head may shrink to "…", the tail always shows. Long names in
 * an outbreak share their beginnings ("Global health professionals on COVID-19 (Wuhan)", "… (New York)"), so
 * the end is what tells them apart in a narrow sidebar (issue 11, item 23). The tail starts at a word when one
 * begins near its cut; names in scripts without spaces keep fewer, wider characters.
 */
export function splitRoomName(name: string): { head: string; tail: string } {
  const chars = [...name];
  const wide = /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(name);
  const keep = wide ? 6 : 12;
  if (chars.length <= keep * 2) return { head: name, tail: '' };
  let cut = chars.length - keep;
  if (!wide) {
    // Start the tail at a word: a little later (shorter tail) if a space is near, else a little earlier.
    const after = chars.indexOf(' ', cut);
    const before = chars.lastIndexOf(' ', cut);
    if (after > 0 && after - cut <= 5) cut = after;
    else if (before > 0 && cut - before <= 4) cut = before;
  }
  return { head: chars.slice(0, cut).join(''), tail: chars.slice(cut).join('') };
}
