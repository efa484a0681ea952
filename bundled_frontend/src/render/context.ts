/**
 * What renderers reach besides their own element: the controller (to rerun,
 * navigate, read session facts) and the widget values. `WidgetTick` changes
 * whenever a widget value changes, so memoised subtrees still re-render the
 * widgets that read it.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { AppController } from "../controller";
import type { WidgetValue } from "../widgetValues";

export const ControllerContext = createContext<AppController | undefined>(undefined);
export const WidgetTickContext = createContext(0);

/** The run in progress, so elements it has not rewritten yet can show as stale. */
export interface RunInfo {
  readonly runId: string;
  readonly fragmentId: string;
  readonly running: boolean;
}
export const RunContext = createContext<RunInfo>({ runId: "", fragmentId: "", running: false });

/** The fragment of the nearest enclosing block with `Block.fragment_id` ("" outside fragments). */
export const FragmentContext = createContext("");

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (controller === undefined) throw new Error("useController needs a ControllerContext provider");
  return controller;
}

/** The widget's current value and version; re-renders when widget values change. */
export function useWidgetValue(id: string): { value: WidgetValue | undefined; version: number } {
  useContext(WidgetTickContext);
  const { widgets } = useController();
  return { value: widgets.value(id), version: widgets.version(id) };
}
