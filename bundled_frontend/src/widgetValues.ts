/**
 * What each widget element says its value is, in the form the client sends
 * back (`WidgetState.value`), per the table in rillet/protocol/README.md.
 * One table entry per widget kind; no DOM, unit-tested.
 */
import { create } from "@bufbuild/protobuf";
import {
  FileUploaderStateSchema,
  type Block,
  type Element,
  type UploadedFileRef,
  type WidgetCommon,
  type WidgetState,
} from "./proto/rillet_pb";

export type WidgetValue = WidgetState["value"];
type ElementOneof = Exclude<Element["type"], { case: undefined }>;
type Kind = ElementOneof["case"];
type ValueOf<K extends Kind> = Extract<ElementOneof, { case: K }>["value"];

export const NO_VALUE: WidgetValue = { case: undefined };

export function boolValue(value: boolean): WidgetValue {
  return { case: "boolValue", value };
}
export function intValue(value: number): WidgetValue {
  return { case: "intValue", value: BigInt(Math.trunc(value)) };
}
export function doubleValue(value: number): WidgetValue {
  return { case: "doubleValue", value };
}
export function stringValue(value: string): WidgetValue {
  return { case: "stringValue", value };
}
export function stringArrayValue(data: string[]): WidgetValue {
  return { case: "stringArrayValue", value: { $typeName: "rillet.StringArray", data } };
}
export function intArrayValue(data: number[]): WidgetValue {
  return { case: "intArrayValue", value: { $typeName: "rillet.IntArray", data: data.map(BigInt) } };
}
export function doubleArrayValue(data: number[]): WidgetValue {
  return { case: "doubleArrayValue", value: { $typeName: "rillet.DoubleArray", data } };
}
export function filesValue(files: UploadedFileRef[]): WidgetValue {
  return { case: "fileUploaderStateValue", value: create(FileUploaderStateSchema, { files }) };
}
export function triggerValue(): WidgetValue {
  return { case: "triggerValue", value: true };
}
export function stringTriggerValue(value: string): WidgetValue {
  return { case: "stringTriggerValue", value };
}

/** How a widget kind reports its server-side value; undefined = a trigger (no lasting value). */
type ValueReader<K extends Kind> = (element: ValueOf<K>) => WidgetValue | undefined;

const optionIndex = (index: number): WidgetValue => (index < 0 ? NO_VALUE : intValue(index));

const valueReaders: { [K in Kind]?: ValueReader<K> } = {
  button: () => undefined,
  downloadButton: () => undefined,
  chatInput: () => undefined,
  checkbox: (e) => boolValue(e.value),
  radio: (e) => optionIndex(e.value),
  selectbox: (e) =>
    e.acceptNewOptions && e.value < 0 && e.newValue !== "" ? stringValue(e.newValue) : optionIndex(e.value),
  multiselect: (e) => intArrayValue(e.value),
  slider: (e) => doubleArrayValue(e.value),
  textInput: (e) => (e.hasValue ? stringValue(e.value) : NO_VALUE),
  textArea: (e) => (e.hasValue ? stringValue(e.value) : NO_VALUE),
  colorPicker: (e) => stringValue(e.value),
  numberInput: (e) => {
    if (!e.hasValue) return NO_VALUE;
    return e.isInt ? intValue(e.value) : doubleValue(e.value);
  },
  dateInput: (e) => stringArrayValue(e.value),
  timeInput: (e) => (e.value === "" ? NO_VALUE : stringValue(e.value)),
  fileUploader: (e) => filesValue(e.files),
  cameraInput: (e) => filesValue(e.file ? [e.file] : []),
  audioInput: (e) => filesValue(e.file ? [e.file] : []),
  pathPicker: (e) => stringArrayValue(e.value),
  // st.dataframe selection / st.data_editor edits, as JSON (protocol README "Tables").
  dataframe: (e) => (e.valueJson === "" ? NO_VALUE : { case: "jsonValue", value: e.valueJson }),
  buttonGroup: (e) => intArrayValue(e.value),
  feedback: (e) => optionIndex(e.value),
  menuButton: () => undefined,
  pagination: (e) => intValue(e.value),
  datetimeInput: (e) => stringArrayValue(e.value === "" ? [] : [e.value]),
};

/**
 * The value of a container that tracks state (`Block.widget`): the shown
 * tab's label, or whether an expander or popover is open.
 */
export function blockWidgetValue(block: Block): WidgetValue | undefined {
  switch (block.type.case) {
    case "tabContainer":
      return stringValue(block.type.value.selected);
    case "expander":
      return boolValue(block.type.value.expanded);
    case "popover":
      return boolValue(block.type.value.open);
    default:
      return undefined;
  }
}

export interface WidgetInfo {
  readonly common: WidgetCommon;
  /** The value as the server knows it; undefined for triggers. */
  readonly value: WidgetValue | undefined;
  readonly isFormSubmit: boolean;
}

/** The widget identity and server value of an element, or undefined if it is no widget. */
export function widgetInfo(element: Element): WidgetInfo | undefined {
  const type = element.type;
  if (type.case === undefined) return undefined;
  const value = type.value as { common?: WidgetCommon };
  if (!("common" in value) || value.common === undefined) return undefined;
  const reader = valueReaders[type.case] as ValueReader<Kind> | undefined;
  return {
    common: value.common,
    value: reader ? reader(type.value) : undefined,
    isFormSubmit: type.case === "button" && type.value.isFormSubmit,
  };
}

/** Structural equality of two values (protobuf messages compared by content). */
export function sameValue(a: WidgetValue | undefined, b: WidgetValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.case !== b.case) return false;
  return JSON.stringify(a.value, bigintSafe) === JSON.stringify(b.value, bigintSafe);
}

function bigintSafe(_key: string, v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}
