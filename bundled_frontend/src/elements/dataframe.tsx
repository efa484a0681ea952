/**
 * `st.dataframe`, `st.data_editor` and `st.table`: the element shell. The
 * grid and the Arrow decoder live in a lazy chunk; until it has loaded the
 * element keeps its place with an empty box of the table's height.
 */
import { useEffect, useState } from "preact/hooks";
import { gridModule, loadGrid, type GridModule } from "../dataframe";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { WidgetValue } from "../widgetValues";

function useGridModule(): GridModule | undefined {
  const [module, setModule] = useState(gridModule);
  useEffect(() => {
    if (module === undefined) void loadGrid().then(setModule);
  }, [module]);
  return module;
}

function Loading({ height }: { height: number }) {
  return <div class="rl-dg-loading" style={{ height: `${height > 0 ? height : 120}px` }} aria-busy="true" />;
}

const jsonText = (value: WidgetValue | undefined): string | undefined =>
  value?.case === "jsonValue" ? value.value : undefined;

function WidgetTable({ value, node }: ElementProps<"dataframe">) {
  const module = useGridModule();
  const common = value.common;
  if (common === undefined) throw new Error("WidgetTable needs common");
  const widget = useWidget(common, node);
  if (module === undefined) return <Loading height={value.height} />;
  return (
    <module.Grid
      element={value}
      stretch={node.element.useContainerWidth}
      widgetValue={jsonText(widget.value) ?? value.valueJson}
      widgetVersion={widget.version}
      setWidgetValue={(json) => widget.set({ case: "jsonValue", value: json })}
    />
  );
}

export function DataFrame(props: ElementProps<"dataframe">) {
  const module = useGridModule();
  if (props.value.common !== undefined && !props.value.isTable) return <WidgetTable {...props} />;
  if (module === undefined) return <Loading height={props.value.height} />;
  return props.value.isTable ? (
    <module.StaticTable element={props.value} />
  ) : (
    <module.Grid element={props.value} />
  );
}
