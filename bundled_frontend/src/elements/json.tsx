/** `st.json`: a collapsible tree of the value, built from <details> so it is keyboard operable. */
import type { ElementProps } from "../render/types";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(body: string): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(body) as Json };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** The room after a key's colon is a margin, as in Streamlit's viewer: the text reads `"name":"demo"`. */
const GAP = { marginRight: "0.3em" };

function Scalar({ value }: { value: Json }) {
  const kind = value === null ? "null" : typeof value;
  // Whole and fractional numbers read in different colours, as in Streamlit's viewer.
  const float = typeof value === "number" && !Number.isInteger(value) ? " rl-json-float" : "";
  return <span class={`rl-json-${kind}${float}`}>{JSON.stringify(value)}</span>;
}

interface NodeProps {
  name: string | undefined;
  /** An array item's position, shown before it as Streamlit's viewer does ("0: 1"). */
  index?: number;
  value: Json;
  depth: number;
  openUntil: number;
}

function JsonNode({ name, index, value, depth, openUntil }: NodeProps) {
  const key =
    name !== undefined ? (
      <span class="rl-json-key" style={GAP}>
        {JSON.stringify(name)}:
      </span>
    ) : index !== undefined ? (
      <span class="rl-json-index" style={GAP}>
        {index}:
      </span>
    ) : null;
  if (value === null || typeof value !== "object") {
    return (
      <div class="rl-json-row">
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: [string | undefined, Json][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div class="rl-json-row">
        {key}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details class="rl-json-node" open={depth < openUntil}>
      <summary>
        {key}
        {open}
        <span class="rl-json-count">
          {" "}
          {entries.length} {entries.length === 1 ? "item" : "items"}
        </span>
      </summary>
      <div class="rl-json-children">
        {entries.map(([childName, child], position) => (
          <JsonNode
            key={position}
            name={childName}
            index={Array.isArray(value) ? position : undefined}
            value={child}
            depth={depth + 1}
            openUntil={openUntil}
          />
        ))}
      </div>
      <div class="rl-json-row">{close}</div>
    </details>
  );
}

export function JsonElement({ value }: ElementProps<"json">) {
  const parsed = parse(value.body);
  if (!parsed.ok) return <pre class="rl-json rl-json-error">{value.body}</pre>;
  const openUntil = !value.expanded ? 0 : value.maxExpandDepth < 0 ? Infinity : value.maxExpandDepth;
  return (
    <div class="rl-json">
      <JsonNode name={undefined} value={parsed.value} depth={0} openUntil={openUntil} />
    </div>
  );
}
