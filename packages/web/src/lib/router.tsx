import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** A tiny History-API router: the server falls back to index.html for client routes. */
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of [...listeners]) l();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export type Route =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'signup' }
  | { name: 'directory' }
  | { name: 'profile' }
  | { name: 'room'; roomId: string; threadId?: string }
  | { name: 'settings'; roomId: string }
  | { name: 'notfound' };

/** Maps a path to a route. */
export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'signin' && !b) return { name: 'signin' };
  if (a === 'signup' && !b) return { name: 'signup' };
  if (a === 'profile' && !b) return { name: 'profile' };
  if (a === 'rooms' && !b) return { name: 'directory' };
  if (a === 'rooms' && b && !c) return { name: 'room', roomId: b };
  if (a === 'rooms' && b && c === 'settings' && !d) return { name: 'settings', roomId: b };
  if (a === 'rooms' && b && c === 'thread' && d) return { name: 'room', roomId: b, threadId: d };
  return { name: 'notfound' };
}

export const paths = {
  room: (id: string) => `/rooms/${encodeURIComponent(id)}`,
  thread: (id: string, root: string) => `/rooms/${encodeURIComponent(id)}/thread/${encodeURIComponent(root)}`,
  settings: (id: string) => `/rooms/${encodeURIComponent(id)}/settings`,
};

/** An anchor that navigates without reloading. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
