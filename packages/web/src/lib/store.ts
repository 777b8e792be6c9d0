import { useSyncExternalStore } from 'react';

/** A tiny observable store: feature state lives in these; components read them through `use`. */
type Store<T> = {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
  use<S>(selector: (state: T) => S): S;
};

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (prev: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use(selector) {
      // Selectors must return values that are stable while the state is unchanged (slices, not new objects).
      // biome-ignore lint/correctness/useHookAtTopLevel: `store.use` is itself a hook; components call it at their top level
      return useSyncExternalStore(store.subscribe, () => selector(state));
    },
  };
  return store;
}
