// Node and edge components reach the canvas actions through context, so their props (and React
// Flow's node data) stay plain values that compare cheaply.
import { createContext, useContext } from 'react';
import type { CanvasActions } from './actions.ts';

export const ActionsContext = createContext<CanvasActions | null>(null);

export function useCanvasActions(): CanvasActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useCanvasActions outside of the canvas');
  return actions;
}
