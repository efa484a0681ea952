/** `st.checkbox` and `st.toggle` (a checkbox with role=switch). */
import { Checkbox_Style } from "../proto/rillet_pb";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { boolValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

export function Checkbox({ value, node }: ElementProps<"checkbox">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const checked = widget.value?.case === "boolValue" ? widget.value.value : value.value;
  const toggle = value.style === Checkbox_Style.TOGGLE;
  const id = inputId(common);
  return (
    <WidgetBox common={common} kind={toggle ? "toggle" : "checkbox"}>
      <div class={`rl-check-row${value.wrap ? ` rl-label-${value.wrap}` : ""}`}>
        <input
          id={id}
          type="checkbox"
          role={toggle ? "switch" : undefined}
          class={toggle ? "rl-switch" : undefined}
          checked={checked}
          disabled={common.disabled}
          aria-checked={toggle ? checked : undefined}
          onChange={(event) => widget.set(boolValue(event.currentTarget.checked))}
        />
        <Label common={common} htmlFor={id} />
      </div>
    </WidgetBox>
  );
}
