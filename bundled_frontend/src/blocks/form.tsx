/**
 * `st.form`: a bordered group whose widgets hold their values until the
 * submit button (see WidgetStateManager.submitForm). The native form submit
 * is suppressed: submission is the submit button's job.
 */
import { useContext } from "preact/hooks";
import { useController, WidgetTickContext } from "../render/context";
import type { BlockProps } from "../render/types";

export function Form({ value, children }: BlockProps<"form">) {
  const { widgets } = useController();
  useContext(WidgetTickContext);
  const pending = widgets.hasPendingEdits(value.formId);
  return (
    <form
      class={`rl-form${value.border ? " rl-bordered" : ""}`}
      data-pending={pending || undefined}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}
