import type { ViewSpec } from './view-types.ts';
import { VIEWS } from './views.ts';

/** One drawable map: a view, in one of its states. `key` names its files and its chrome on the page. */
export interface ViewKey {
  key: string;
  view: ViewSpec;
  state: string | undefined;
}

export const viewKey = (view: string, state: string | null | undefined) => (state ? `${view}-${state}` : view);

export function allViewKeys(views: ViewSpec[] = VIEWS): ViewKey[] {
  return views.flatMap((view): ViewKey[] => {
    const states = view.layers.flatMap((l) => (l.kind === 'choropleth' ? l.states.map((s) => s.id) : []));
    return states.length
      ? states.map((state) => ({ key: viewKey(view.id, state), view, state }))
      : [{ key: view.id, view, state: undefined }];
  });
}

/** The states of each view that has any (`{ incidence: ['before', 'after'] }`), in drawing order. */
export function viewStates(views: ViewSpec[] = VIEWS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of allViewKeys(views)) if (k.state) (out[k.view.id] ??= []).push(k.state);
  return out;
}
