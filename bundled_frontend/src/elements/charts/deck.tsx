/**
 * `st.pydeck_chart` and `st.map`: pydeck's JSON turned into a deck.gl Deck
 * (@deck.gl/core, @deck.gl/layers and @deck.gl/json, one lazy chunk).
 *
 * No base map is drawn: map tiles come from a network service (and usually
 * need a token), while rillet's apps must work offline, e.g. a packed
 * desktop app. The data layers draw on a plain background and a quiet note
 * under the chart says so; no tile request is ever made.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { WidgetCommonSchema } from "../../proto/rillet_pb";
import type { ElementProps } from "../../render/types";
import { useWidget } from "../../render/useWidget";
import {
  ChartError,
  chartError,
  pixels,
  rgba,
  useChartTheme,
  widthCss,
  type ChartTheme,
} from "./libraryChart";

type Json = Record<string, unknown>;
const NO_COMMON = create(WidgetCommonSchema, {});
export const NO_BASEMAP_NOTE =
  "No base map: map tiles need a network service, so only the data layers are drawn.";

/** Replace the colour placeholder "primary" (st.map's default) with the theme's primary colour. */
export function themeDeckJson(json: Json, theme: ChartTheme): Json {
  const layers = (json["layers"] as Json[] | undefined) ?? [];
  return {
    ...json,
    layers: layers.map((layer) =>
      Object.fromEntries(
        Object.entries(layer).map(([key, value]) => [
          key,
          value === "primary" ? rgba(theme.primary, 200) : value,
        ]),
      ),
    ),
  };
}

const CORE_LAYERS = new Set([
  "ArcLayer",
  "BitmapLayer",
  "ColumnLayer",
  "GeoJsonLayer",
  "GridCellLayer",
  "IconLayer",
  "LineLayer",
  "PathLayer",
  "PointCloudLayer",
  "PolygonLayer",
  "ScatterplotLayer",
  "SolidPolygonLayer",
  "TextLayer",
]);

/** Whether a deck names a layer outside @deck.gl/layers (HexagonLayer, HeatmapLayer, ...). */
export function needsAggregation(json: Json): boolean {
  const layers = (json["layers"] as Json[] | undefined) ?? [];
  return layers.some((layer) => typeof layer["@@type"] === "string" && !CORE_LAYERS.has(layer["@@type"]));
}

/** The `@@type` names of the spec's layers that `classes` lacks. */
export function unknownLayers(json: Json, classes: Json): string[] {
  const layers = (json["layers"] as Json[] | undefined) ?? [];
  return layers
    .map((layer) => layer["@@type"])
    .filter((type): type is string => typeof type === "string" && !(type in classes));
}

/** The selection state after a click, in Streamlit's shape: indices and objects by layer id. */
export function nextSelection(
  current: { indices: Record<string, number[]>; objects: Record<string, unknown[]> },
  layerId: string | undefined,
  index: number,
  object: unknown,
  multi: boolean,
): { selection: { indices: Record<string, number[]>; objects: Record<string, unknown[]> } } {
  if (layerId === undefined || index < 0) return { selection: { indices: {}, objects: {} } };
  if (!multi) return { selection: { indices: { [layerId]: [index] }, objects: { [layerId]: [object] } } };
  const indices = { ...current.indices };
  const objects = { ...current.objects };
  const had = indices[layerId] ?? [];
  const at = had.indexOf(index);
  if (at >= 0) {
    indices[layerId] = had.filter((_, i) => i !== at);
    objects[layerId] = (objects[layerId] ?? []).filter((_, i) => i !== at);
  } else {
    indices[layerId] = [...had, index];
    objects[layerId] = [...(objects[layerId] ?? []), object];
  }
  for (const id of Object.keys(indices)) {
    if (indices[id]!.length === 0) {
      delete indices[id];
      delete objects[id];
    }
  }
  return { selection: { indices, objects } };
}

function tooltipFor(spec: unknown, object: unknown): { html?: string; text?: string; style?: Json } | null {
  if (spec === undefined || spec === false || object === null || typeof object !== "object") return null;
  const fields = object as Json;
  const fill = (template: string) =>
    template.replace(/\{([^{}]+)\}/g, (_, name: string) => String(fields[name] ?? ""));
  if (spec === true) {
    return {
      text: Object.entries(fields)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join("\n"),
    };
  }
  const tip = spec as Json;
  const out: { html?: string; text?: string; style?: Json } = {};
  if (typeof tip["html"] === "string") out.html = fill(tip["html"]);
  if (typeof tip["text"] === "string") out.text = fill(tip["text"]);
  if (typeof tip["style"] === "object" && tip["style"] !== null) out.style = tip["style"] as Json;
  return out.html === undefined && out.text === undefined ? null : out;
}

interface DeckLike {
  setProps(props: Json): void;
  finalize(): void;
}

export function DeckGlJsonChart({ value, node }: ElementProps<"deckGlJsonChart">) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(host);
  const [error, setError] = useState("");
  const selectable = value.common !== undefined && value.selectionMode !== "";
  const widget = useWidget(value.common ?? NO_COMMON, node);
  const widgetRef = useRef(widget);
  widgetRef.current = widget;
  const deck = useRef<DeckLike | undefined>(undefined);
  const height = value.height > 0 ? value.height : 500;

  useEffect(() => {
    const element = canvas.current;
    if (element === null || theme === undefined) return;
    let live = true;
    let parsed: Json;
    try {
      parsed = JSON.parse(value.json) as Json;
    } catch (failure) {
      setError(chartError("map", failure));
      return;
    }
    Promise.all([
      import("@deck.gl/core"),
      import("@deck.gl/layers"),
      // The aggregation layers are a second chunk, loaded only for a deck that names one.
      needsAggregation(parsed) ? import("@deck.gl/aggregation-layers") : Promise.resolve({}),
      import("@deck.gl/json"),
    ])
      .then(([core, layers, aggregation, json]) => {
        if (!live) return;
        const classes: Json = {
          MapView: core.MapView,
          OrbitView: core.OrbitView,
          OrthographicView: core.OrthographicView,
        };
        for (const module of [layers, aggregation]) {
          for (const [name, value] of Object.entries(module))
            if (name.endsWith("Layer")) classes[name] = value;
        }
        const converter = new json.JSONConverter({
          configuration: new json.JSONConfiguration({
            classes: classes as Record<string, new (props: Record<string, unknown>) => unknown>,
            enumerations: { COORDINATE_SYSTEM: core.COORDINATE_SYSTEM },
          }),
        });
        const spec = themeDeckJson(parsed, theme);
        const unknown = unknownLayers(spec, classes);
        if (unknown.length > 0) {
          throw new Error(
            `rillet's deck.gl has no ${unknown.join(", ")}. Layers it draws: ${Object.keys(classes)
              .filter((name) => name.endsWith("Layer"))
              .sort()
              .join(", ")}.`,
          );
        }
        const props = converter.convert(spec) as Json;
        const tooltip = value.tooltip ? (JSON.parse(value.tooltip) as unknown) : undefined;
        const selection = {
          indices: {} as Record<string, number[]>,
          objects: {} as Record<string, unknown[]>,
        };
        const deckProps: Json = {
          initialViewState: props["initialViewState"] ?? { latitude: 0, longitude: 0, zoom: 1 },
          views: props["views"],
          layers: props["layers"] ?? [],
          controller: true,
          getTooltip:
            tooltip === undefined ? null : ({ object }: { object: unknown }) => tooltipFor(tooltip, object),
          onClick: selectable
            ? (info: { layer?: { id: string } | null; index: number; object: unknown }) => {
                const state = nextSelection(
                  selection,
                  info.layer?.id,
                  info.index,
                  info.object,
                  value.selectionMode === "multi-object",
                );
                selection.indices = state.selection.indices;
                selection.objects = state.selection.objects;
                widgetRef.current.set({ case: "jsonValue", value: JSON.stringify(state) });
              }
            : undefined,
        };
        deck.current?.finalize();
        deck.current = new core.Deck({
          ...deckProps,
          parent: element,
          width: "100%",
          height: "100%",
        }) as DeckLike;
        setError("");
      })
      .catch((failure: unknown) => live && setError(chartError("map", failure)));
    return () => {
      live = false;
    };
  }, [value.json, value.tooltip, value.selectionMode, selectable, theme]);

  useEffect(
    () => () => {
      deck.current?.finalize();
      deck.current = undefined;
    },
    [],
  );

  const width = pixels(value.width);
  return (
    <div
      ref={host}
      class="rl-deck-chart"
      style={width !== undefined ? widthCss(value.width) : { width: "100%" }}
    >
      <ChartError error={error} />
      <div
        ref={canvas}
        role="img"
        aria-label={value.alt || "Map"}
        style={{
          position: "relative",
          height: `${height}px`,
          background: theme?.backgroundSecondary ?? "var(--rl-bg-secondary)",
          borderRadius: "0.5rem",
          overflow: "hidden",
        }}
      />
      <div class="rl-caption rl-deck-note">{NO_BASEMAP_NOTE}</div>
    </div>
  );
}
