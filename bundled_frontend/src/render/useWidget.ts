/** What a widget renderer needs from the widget state manager, bound to one widget. */
import type { WidgetCommon } from "../proto/rillet_pb";
import type { BlockNode, ElementNode } from "../tree";
import { triggerValue, type WidgetValue } from "../widgetValues";
import { useContext } from "preact/hooks";
import { FragmentContext, useController, useWidgetValue } from "./context";

export interface WidgetHandle {
  readonly value: WidgetValue | undefined;
  /** Changes when the server overwrote the user's value: reset drafts on it. */
  readonly version: number;
  /** Commit a new value (rerun now, or held until the form is submitted). */
  set(value: WidgetValue): void;
  /** Send a one-shot value (button click, chat message). */
  trigger(value?: WidgetValue): void;
  /** Enter in a field of a form with `enter_to_submit`: submit that form. */
  submitFormOnEnter(): boolean;
  /** The text typed is not valid (required, validate): its form does not submit. */
  setInvalid(invalid: boolean): void;
}

/**
 * The fragment a widget's change reruns: that of the nearest enclosing
 * fragment block, else the fragment its delta was tagged with ("" = the
 * whole script).
 */
export function useFragmentId(node: ElementNode | BlockNode): string {
  return useContext(FragmentContext) || node.fragmentId;
}

export function useWidget(common: WidgetCommon, node: ElementNode | BlockNode): WidgetHandle {
  const { widgets } = useController();
  const { value, version } = useWidgetValue(common.id);
  const { id, formId } = common;
  const fragmentId = useFragmentId(node);
  return {
    value,
    version,
    set: (next) => widgets.setValue(id, formId, next, fragmentId),
    trigger: (next = triggerValue()) => widgets.trigger(id, next, fragmentId),
    setInvalid: (invalid) => widgets.setInvalid(id, formId, invalid),
    submitFormOnEnter: () => {
      if (formId === "" || !widgets.formInfo(formId)?.enterToSubmit) return false;
      widgets.submitForm(formId, undefined, fragmentId);
      return true;
    },
  };
}
