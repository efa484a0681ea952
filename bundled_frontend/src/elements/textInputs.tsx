/**
 * Free text: `st.text_input` (sent on Enter or blur) and `st.text_area`
 * (sent on Ctrl/Cmd+Enter or blur). What the user types is a local draft
 * until then; a value the server pushes (`set_value`) replaces the draft.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget, type WidgetHandle } from "../render/useWidget";
import { stringValue } from "../widgetValues";
import { commonOf, Icon, inputId, Label, WidgetBox } from "./common";
import { InputInstructions, useFocused } from "./inputInstructions";

const INPUT_TYPES: Record<string, string> = {
  password: "password",
  email: "email",
  url: "url",
  phone: "tel",
  search: "search",
};

/**
 * Why `text` may not be committed: empty while `required`, or not matching
 * `validate` (an empty value skips validation). `undefined` = fine.
 */
export function textProblem(
  text: string,
  rule: { required: boolean; validateRegex?: string; validateMessage?: string },
): string | undefined {
  if (text.trim() === "") return rule.required ? "This field is required." : undefined;
  if (!rule.validateRegex) return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(rule.validateRegex, "u");
  } catch {
    return undefined; // a pattern this browser cannot read checks nothing
  }
  if (pattern.test(text)) return undefined;
  return rule.validateMessage || "This value does not have the expected format.";
}

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

/** Commit a draft that passes `required`/`validate`; show why one does not. */
function useCheckedCommit(
  widget: WidgetHandle,
  committed: string | undefined,
  rule: { required: boolean; validateRegex?: string; validateMessage?: string },
) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const commit = (text: string) => {
    const found = textProblem(text, rule);
    setProblem(found);
    widget.setInvalid(found !== undefined);
    if (found === undefined && text !== (committed ?? "")) widget.set(stringValue(text));
  };
  return [problem, commit] as const;
}

export function TextInput({ value, node }: ElementProps<"textInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const committed = textOf(widget, value.hasValue, value.value);
  const [draft, setDraft] = useDraft(committed, widget.version);
  const [problem, commit] = useCheckedCommit(widget, committed, value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const id = inputId(common);
  const focus = useFocused();
  const onInput = (text: string) => {
    setDraft(text);
    clearTimeout(timer.current);
    // live: commit after a pause in typing; a cleared search box at once.
    if (value.live) timer.current = setTimeout(() => commit(text), value.liveMs);
    else if (value.type === "search" && text === "") commit(text);
  };
  return (
    <WidgetBox common={common} kind="text-input">
      <Label common={common} htmlFor={id} />
      <div class={`rl-input-wrap${value.icon ? " rl-has-icon" : ""}`}>
        {value.icon !== "" && (
          <span class="rl-input-icon">
            <Icon icon={value.icon} />
          </span>
        )}
        <input
          id={id}
          class="rl-input"
          type={INPUT_TYPES[value.type] ?? "text"}
          value={draft}
          placeholder={value.placeholder}
          maxLength={value.maxChars > 0 ? value.maxChars : undefined}
          autoComplete={value.autocomplete || undefined}
          disabled={common.disabled}
          required={value.required}
          aria-invalid={problem !== undefined || undefined}
          aria-describedby={problem !== undefined ? `${id}-problem` : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          onFocus={focus.on.onFocus}
          onBlur={() => {
            focus.on.onBlur();
            commit(draft);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            commit(draft);
            widget.submitFormOnEnter();
          }}
        />
        <InputInstructions
          focused={focus.focused}
          dirty={draft !== (committed ?? "")}
          formId={common.formId}
          length={draft.length}
          maxChars={value.maxChars}
        />
      </div>
      {problem !== undefined && (
        <div id={`${id}-problem`} class="rl-field-error" role="alert">
          {problem}
        </div>
      )}
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
  const [problem, checkedCommit] = useCheckedCommit(widget, committed, value);
  const commit = () => checkedCommit(draft);
  const focus = useFocused();
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
          required={value.required}
          aria-invalid={problem !== undefined || undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onFocus={focus.on.onFocus}
          onBlur={() => {
            focus.on.onBlur();
            commit();
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
            commit();
            widget.submitFormOnEnter();
          }}
        />
        <InputInstructions
          focused={focus.focused}
          dirty={draft !== (committed ?? "")}
          formId={common.formId}
          multiline
          length={draft.length}
          maxChars={value.maxChars}
        />
      </div>
      {problem !== undefined && (
        <div class="rl-field-error" role="alert">
          {problem}
        </div>
      )}
    </WidgetBox>
  );
}
