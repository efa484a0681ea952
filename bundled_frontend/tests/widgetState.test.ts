import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { ElementSchema, type Element, type WidgetState } from "../src/proto/rillet_pb";
import { WidgetStateManager } from "../src/widgetState";
import { boolValue, stringTriggerValue, stringValue, widgetInfo } from "../src/widgetValues";

function checkbox(
  id: string,
  value: boolean,
  opts: { formId?: string; setValue?: boolean; noRerun?: boolean } = {},
): Element {
  const common = {
    id,
    formId: opts.formId ?? "",
    setValue: opts.setValue ?? false,
    noRerun: opts.noRerun ?? false,
  };
  return create(ElementSchema, { type: { case: "checkbox", value: { common, value } } });
}

function checkboxCommon(id: string) {
  const element = checkbox(id, false);
  if (element.type.case !== "checkbox" || element.type.value.common === undefined) throw new Error();
  return element.type.value.common;
}

function textInput(id: string, value: string, formId = ""): Element {
  return create(ElementSchema, {
    type: { case: "textInput", value: { common: { id, formId }, value, hasValue: true } },
  });
}

function submitButton(id: string, formId: string): Element {
  return create(ElementSchema, {
    type: { case: "button", value: { common: { id, formId }, isFormSubmit: true } },
  });
}

function setup() {
  const reruns: string[] = [];
  const manager = new WidgetStateManager((fragmentId) => reruns.push(fragmentId));
  return { manager, reruns };
}

function asObject(states: WidgetState[]): Record<string, unknown> {
  return Object.fromEntries(states.map((s) => [s.id, s.value.value]));
}

describe("WidgetStateManager", () => {
  test("reports the server's value for a widget the user never touched", () => {
    const { manager } = setup();
    manager.syncElement(checkbox("c", true));
    expect(asObject(manager.takeStates())).toEqual({ c: true });
  });

  test("a change outside a form reruns at once with the new value", () => {
    const { manager, reruns } = setup();
    manager.syncElement(checkbox("c", false));
    manager.setValue("c", "", boolValue(true));
    expect(reruns).toEqual([""]);
    expect(asObject(manager.takeStates())).toEqual({ c: true });
  });

  test("a widget with on_change='ignore' keeps its change for the next rerun", () => {
    const { manager, reruns } = setup();
    manager.syncElement(checkbox("quiet", false, { noRerun: true }));
    manager.syncElement(checkbox("loud", false));
    manager.setValue("quiet", "", boolValue(true));
    expect(reruns).toEqual([]);
    manager.setValue("loud", "", boolValue(true));
    expect(reruns).toEqual([""]);
    expect(asObject(manager.takeStates())).toEqual({ quiet: true, loud: true });
  });

  test("a container that tracks state syncs like a widget and reruns on change", () => {
    const { manager, reruns } = setup();
    const common = checkboxCommon("tabs");
    manager.syncWidget(common, stringValue("B"));
    expect(asObject(manager.takeStates())).toEqual({ tabs: "B" });
    manager.setValue("tabs", "", stringValue("A"));
    expect(reruns).toEqual([""]);
    expect(asObject(manager.takeStates())).toEqual({ tabs: "A" });
  });

  test("a form with an invalid field does not submit until it is fixed", () => {
    const { manager, reruns } = setup();
    manager.syncElement(textInput("t", "", "f"));
    manager.syncElement(submitButton("s", "f"));
    manager.setInvalid("t", "f", true);
    manager.submitForm("f", "s");
    expect(reruns).toEqual([]);
    manager.setInvalid("t", "f", false);
    manager.submitForm("f", "s");
    expect(reruns).toEqual([""]);
  });

  test("a widget in a fragment asks for a rerun of that fragment", () => {
    const { manager, reruns } = setup();
    manager.setValue("c", "", boolValue(true), "frag-1");
    expect(reruns).toEqual(["frag-1"]);
  });

  test("the user's value survives a rerun that repeats the old server value", () => {
    const { manager } = setup();
    manager.syncElement(checkbox("c", false));
    manager.setValue("c", "", boolValue(true));
    manager.syncElement(checkbox("c", false));
    expect(manager.value("c")).toEqual(boolValue(true));
  });

  test("set_value from the server overwrites the local value and bumps the version", () => {
    const { manager } = setup();
    manager.syncElement(checkbox("c", false));
    manager.setValue("c", "", boolValue(true));
    manager.syncElement(checkbox("c", false, { setValue: true }));
    expect(manager.value("c")).toEqual(boolValue(false));
    expect(manager.version("c")).toBe(1);
  });

  test("a trigger is sent once and then forgotten", () => {
    const { manager, reruns } = setup();
    manager.trigger("b");
    expect(reruns).toHaveLength(1);
    expect(asObject(manager.takeStates())).toEqual({ b: true });
    expect(asObject(manager.takeStates())).toEqual({});
  });

  test("a chat message is a one-run string trigger", () => {
    const { manager } = setup();
    manager.trigger("chat", stringTriggerValue("hello"));
    const [state] = manager.takeStates();
    expect(state?.value).toEqual({ case: "stringTriggerValue", value: "hello" });
    expect(manager.takeStates()).toEqual([]);
  });

  test("form edits wait for the submit, then go in one rerun with the trigger", () => {
    const { manager, reruns } = setup();
    manager.syncElement(textInput("name", "", "f"));
    manager.syncElement(checkbox("agree", false, { formId: "f" }));
    manager.syncElement(submitButton("go", "f"));

    manager.setValue("name", "f", stringValue("Ada"));
    manager.setValue("agree", "f", boolValue(true));
    expect(reruns).toEqual([]);
    expect(manager.value("name")).toEqual(stringValue("Ada"));
    expect(manager.hasPendingEdits("f")).toBe(true);
    expect(asObject(manager.takeStates())).toEqual({ name: "", agree: false });

    manager.submitForm("f", "go");
    expect(reruns).toHaveLength(1);
    expect(asObject(manager.takeStates())).toEqual({ name: "Ada", agree: true, go: true });
    expect(manager.hasPendingEdits("f")).toBe(false);
  });

  test("submitting by Enter uses the form's submit button", () => {
    const { manager } = setup();
    manager.syncElement(submitButton("go", "f"));
    manager.submitForm("f");
    expect(asObject(manager.takeStates())).toEqual({ go: true });
  });

  test("a clear_on_submit form takes the server's values during the submitted run", () => {
    const { manager } = setup();
    manager.registerForm("f", { clearOnSubmit: true, enterToSubmit: true });
    manager.syncElement(textInput("name", "", "f"));
    manager.setValue("name", "f", stringValue("Ada"));
    manager.submitForm("f", "go");
    manager.takeStates();

    manager.syncElement(textInput("name", "", "f"));
    expect(manager.value("name")).toEqual(stringValue(""));
    manager.runFinished();

    manager.setValue("name", "f", stringValue("Bob"));
    manager.submitForm("f", "go");
    manager.runFinished();
    manager.syncElement(textInput("name", "", "f"));
    expect(manager.value("name")).toEqual(stringValue("Bob"));
  });

  test("widgets gone from the page are no longer sent", () => {
    const { manager } = setup();
    manager.syncElement(checkbox("a", true));
    manager.syncElement(checkbox("b", true));
    manager.retainOnly(new Set(["b"]));
    expect(asObject(manager.takeStates())).toEqual({ b: true });
  });

  test("subscribers hear about local changes", () => {
    const { manager } = setup();
    let calls = 0;
    const unsubscribe = manager.subscribe(() => (calls += 1));
    manager.setValue("x", "f", boolValue(true));
    unsubscribe();
    manager.setValue("x", "f", boolValue(false));
    expect(calls).toBe(1);
  });
});

describe("widgetInfo", () => {
  test("is undefined for non-widget elements", () => {
    const markdown = create(ElementSchema, { type: { case: "markdown", value: { body: "x" } } });
    expect(widgetInfo(markdown)).toBeUndefined();
  });

  test("a radio with no selection has no value", () => {
    const radio = create(ElementSchema, {
      type: { case: "radio", value: { common: { id: "r" }, options: ["a"], value: -1 } },
    });
    expect(widgetInfo(radio)?.value).toEqual({ case: undefined });
  });

  test("an int number input reports an int value", () => {
    const input = create(ElementSchema, {
      type: { case: "numberInput", value: { common: { id: "n" }, isInt: true, value: 3, hasValue: true } },
    });
    expect(widgetInfo(input)?.value).toEqual({ case: "intValue", value: 3n });
  });
});
