/**
 * The client's widget values: what the next RerunRequest carries.
 *
 * - `committed`: one value per live widget, sent with every rerun.
 * - form edits wait in `pending` until that form is submitted, then move to
 *   `committed` in one rerun together with the submit button's trigger.
 * - triggers (buttons, chat messages) are sent once, then forgotten.
 *
 * The server's value wins when it says so (`set_value`), when the client has
 * no value yet, and for a form with `clear_on_submit` during the run its
 * submit started. Each such overwrite bumps the widget's `version`, which a
 * renderer uses to drop a half-typed draft.
 *
 * No DOM here: renderers call `setValue`/`trigger`/`submitForm`; the app
 * supplies `requestRerun`, which builds the RerunRequest from `takeStates()`.
 */
import { create } from "@bufbuild/protobuf";
import { WidgetStateSchema, type Element, type WidgetCommon, type WidgetState } from "./proto/rillet_pb";
import { sameValue, triggerValue, widgetInfo, type WidgetValue } from "./widgetValues";

export interface FormInfo {
  readonly clearOnSubmit: boolean;
  readonly enterToSubmit: boolean;
}

export type RerunRequester = (fragmentId: string) => void;

export class WidgetStateManager {
  private readonly committed = new Map<string, WidgetValue>();
  private readonly pending = new Map<string, Map<string, WidgetValue>>();
  private readonly triggers = new Map<string, WidgetValue>();
  private readonly versions = new Map<string, number>();
  private readonly forms = new Map<string, FormInfo>();
  private readonly submitButtons = new Map<string, string>();
  private readonly formsResetting = new Set<string>();
  /** Widgets with on_change="ignore": a change waits for the next rerun. */
  private readonly quiet = new Set<string>();
  /** Per form, the widgets whose text is not valid (required, validate): no submit. */
  private readonly invalid = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly requestRerun: RerunRequester) {}

  /** Take in a widget element the server sent (call for every new element). */
  syncElement(element: Element): void {
    const info = widgetInfo(element);
    if (info === undefined) return;
    this.syncWidget(info.common, info.value, info.isFormSubmit);
  }

  /**
   * Take in a widget the server sent: an element's, or a container's that
   * tracks state (tabs, expanders, popovers carry `Block.widget`).
   */
  syncWidget(common: WidgetCommon, value: WidgetValue | undefined, isFormSubmit = false): void {
    const info = { common, value, isFormSubmit };
    const { id, formId, setValue, noRerun } = info.common;
    if (noRerun) this.quiet.add(id);
    else this.quiet.delete(id);
    if (info.isFormSubmit && formId !== "" && !this.submitButtons.has(formId)) {
      this.submitButtons.set(formId, id);
    }
    if (info.value === undefined) return;
    const serverWins = setValue || this.formsResetting.has(formId) || !this.committed.has(id);
    if (!serverWins) return;
    const shown = this.value(id);
    this.committed.set(id, info.value);
    this.pending.get(formId)?.delete(id);
    if (shown !== undefined && !sameValue(shown, info.value)) this.bump(id);
  }

  /** Remember a form's options (from its Block). */
  registerForm(formId: string, info: FormInfo): void {
    this.forms.set(formId, info);
  }

  formInfo(formId: string): FormInfo | undefined {
    return this.forms.get(formId);
  }

  /** The value to show: an unsubmitted form edit, else the committed value. */
  value(id: string): WidgetValue | undefined {
    for (const edits of this.pending.values()) {
      const edit = edits.get(id);
      if (edit !== undefined) return edit;
    }
    return this.committed.get(id);
  }

  /** Changes each time the server overwrote what the user had. */
  version(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  /** True when the form holds edits not yet submitted. */
  hasPendingEdits(formId: string): boolean {
    return (this.pending.get(formId)?.size ?? 0) > 0;
  }

  /**
   * The user changed a widget: rerun now, or hold it for its form's submit.
   * A widget with on_change="ignore" (`noRerun`) keeps it for the next rerun.
   */
  setValue(id: string, formId: string, value: WidgetValue, fragmentId = ""): void {
    if (formId !== "") {
      let edits = this.pending.get(formId);
      if (edits === undefined) {
        edits = new Map();
        this.pending.set(formId, edits);
      }
      edits.set(id, value);
      this.notify();
      return;
    }
    this.committed.set(id, value);
    this.notify();
    if (!this.quiet.has(id)) this.requestRerun(fragmentId);
  }

  /** A one-shot value (button click, chat message): sent with the next rerun only. */
  trigger(id: string, value: WidgetValue = triggerValue(), fragmentId = ""): void {
    this.triggers.set(id, value);
    this.requestRerun(fragmentId);
  }

  /**
   * Submit a form: its held edits and the submit button's trigger go in one
   * rerun. Without a button id (Enter in a field) the form's first submit
   * button is used.
   */
  submitForm(formId: string, submitButtonId?: string, fragmentId = ""): void {
    if ((this.invalid.get(formId)?.size ?? 0) > 0) return;
    const edits = this.pending.get(formId);
    if (edits) for (const [id, value] of edits) this.committed.set(id, value);
    this.pending.delete(formId);
    const buttonId = submitButtonId ?? this.submitButtons.get(formId);
    if (buttonId !== undefined) this.triggers.set(buttonId, triggerValue());
    if (this.forms.get(formId)?.clearOnSubmit) this.formsResetting.add(formId);
    this.notify();
    this.requestRerun(fragmentId);
  }

  /** Mark a form widget's text as (not) valid; a form with an invalid one does not submit. */
  setInvalid(id: string, formId: string, invalid: boolean): void {
    if (formId === "") return;
    let ids = this.invalid.get(formId);
    if (ids === undefined) this.invalid.set(formId, (ids = new Set()));
    if (invalid) ids.add(id);
    else ids.delete(id);
  }

  /** The run finished: forms stop taking the server's values unconditionally. */
  runFinished(): void {
    this.formsResetting.clear();
  }

  /** Forget widgets that are no longer on the page (after a full run). */
  retainOnly(liveIds: ReadonlySet<string>): void {
    for (const id of [...this.committed.keys()]) {
      if (!liveIds.has(id)) this.committed.delete(id);
    }
    for (const id of [...this.quiet]) if (!liveIds.has(id)) this.quiet.delete(id);
    for (const ids of this.invalid.values()) for (const id of [...ids]) if (!liveIds.has(id)) ids.delete(id);
    for (const edits of this.pending.values()) {
      for (const id of [...edits.keys()]) if (!liveIds.has(id)) edits.delete(id);
    }
  }

  /** The WidgetStates for a RerunRequest; the triggers are consumed. */
  takeStates(): WidgetState[] {
    const states = new Map<string, WidgetValue>(this.committed);
    for (const [id, value] of this.triggers) states.set(id, value);
    this.triggers.clear();
    return [...states].map(([id, value]) => create(WidgetStateSchema, { id, value }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bump(id: string): void {
    this.versions.set(id, this.version(id) + 1);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
