/**
 * Free text: `st.text_input` (sent on Enter or blur) and `st.text_area`
 * (sent on Ctrl/Cmd+Enter or blur). What the user types is a local draft
 * until then; a value the server pushes (`set_value`) replaces the draft.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget, type WidgetHandle } from "../render/useWidget";
import { stringValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

/** A local draft of a text value that follows the committed value. */
export function useDraft(committed: string | undefined, version: number) {
  const [draft, setDraft] = useState(committed ?? "");
  useEffect(() => setDraft(committed ?? ""), [committed, version]);
  return [draft, setDraft] as const;
}

function textOf(widget: WidgetHandle, hasValue: boolean, serverValue: string): string | undefined {
  if (widget.value === undefined) return hasValue ? serverValue : undefined;
  return widget.value.case === "stringValue" ? widget.value.value : undefined;
}

function CharCount({ length, max }: { length: number; max: number }) {
  if (max <= 0) return null;
  return <span class="rl-char-count" aria-live="polite">{`${length}/${max}`}</span>;
}

export function TextInput({ value, node }: ElementProps<"textInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const committed = textOf(widget, value.hasValue, value.value);
  const [draft, setDraft] = useDraft(committed, widget.version);
  const id = inputId(common);
  const commit = () => {
    if (draft !== (committed ?? "")) widget.set(stringValue(draft));
  };
  return (
    <WidgetBox common={common} kind="text-input">
      <Label common={common} htmlFor={id} />
      <div class="rl-input-wrap">
        <input
          id={id}
          class="rl-input"
          type={value.type === "password" ? "password" : "text"}
          value={draft}
          placeholder={value.placeholder}
          maxLength={value.maxChars > 0 ? value.maxChars : undefined}
          autoComplete={value.autocomplete || undefined}
          disabled={common.disabled}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            commit();
            widget.submitFormOnEnter();
          }}
        />
        <CharCount length={draft.length} max={value.maxChars} />
      </div>
    </WidgetBox>
  );
}

export function TextArea({ value, node }: ElementProps<"textArea">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const committed = textOf(widget, value.hasValue, value.value);
  const [draft, setDraft] = useDraft(committed, widget.version);
  const id = inputId(common);
  const box = useRef<HTMLTextAreaElement>(null);
  const grows = value.heightMode === "content";
  // height="content": as tall as the text, re-measured as it changes.
  useLayoutEffect(() => {
    const area = box.current;
    if (!grows || area === null) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + area.offsetHeight - area.clientHeight}px`;
  }, [grows, draft]);
  const commit = () => {
    if (draft !== (committed ?? "")) widget.set(stringValue(draft));
  };
  const sized = value.heightMode === "stretch" ? " rl-textarea-stretch" : grows ? " rl-textarea-grows" : "";
  return (
    <WidgetBox common={common} kind="text-area">
      <Label common={common} htmlFor={id} />
      <div class="rl-input-wrap">
        <textarea
          ref={box}
          id={id}
          class={`rl-input rl-textarea${sized}`}
          value={draft}
          placeholder={value.placeholder}
          maxLength={value.maxChars > 0 ? value.maxChars : undefined}
          style={value.height > 0 && value.heightMode === "" ? { height: `${value.height}px` } : undefined}
          disabled={common.disabled}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
            commit();
            widget.submitFormOnEnter();
          }}
        />
        <CharCount length={draft.length} max={value.maxChars} />
      </div>
    </WidgetBox>
  );
}
