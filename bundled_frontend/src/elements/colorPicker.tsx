/**
 * `st.color_picker`: the native colour input, sent when the picker closes.
 * As Streamlit's, the swatch alone shows the colour (no hex text beside it).
 */
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

export function ColorPicker({ value, node }: ElementProps<"colorPicker">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const color = widget.value?.case === "stringValue" ? widget.value.value : value.value;
  const id = inputId(common);
  return (
    <WidgetBox common={common} kind="color-picker">
      <Label common={common} htmlFor={id} />
      <div class="rl-color-row">
        <input
          id={id}
          type="color"
          class="rl-color"
          value={color || "#000000"}
          disabled={common.disabled}
          onChange={(event) => widget.set(stringValue(event.currentTarget.value))}
        />
      </div>
    </WidgetBox>
  );
}
