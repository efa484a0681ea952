import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { initialAppState, reduceForwardMsg, type AppState } from "../src/appState";
import { gridColumns } from "../src/blocks/grid";
import { formatDateTime } from "../src/elements/dateTimeInput";
import { ForwardMsgSchema } from "../src/proto/rillet_pb";

type Init = MessageInitShape<typeof ForwardMsgSchema>;

function fold(state: AppState, ...msgs: Init[]): AppState {
  return msgs.reduce((s, m) => reduceForwardMsg(s, create(ForwardMsgSchema, m)), state);
}

const started = (runId: string, fragmentId = ""): Init => ({
  type: { case: "scriptStarted", value: { runId, fragmentId } },
});
const cleared = (runId: string, fragmentId = ""): Init => ({
  type: { case: "clearStale", value: { runId, fragmentId } },
});
const logo: Init = { type: { case: "logo", value: { image: "/media/logo.png", size: "large" } } };

describe("st.logo in the app state", () => {
  test("a run's logo stays while runs keep sending it", () => {
    const state = fold(
      initialAppState(),
      started("r1"),
      logo,
      cleared("r1"),
      started("r2"),
      logo,
      cleared("r2"),
    );
    expect(state.logo?.image).toBe("/media/logo.png");
    expect(state.logo?.size).toBe("large");
  });

  test("a full run that sends no logo removes it; a fragment run keeps it", () => {
    const shown = fold(initialAppState(), started("r1"), logo, cleared("r1"));
    expect(fold(shown, started("r2", "f"), cleared("r2", "f")).logo).toBeDefined();
    expect(fold(shown, started("r3"), cleared("r3")).logo).toBeUndefined();
  });
});

describe("gridColumns", () => {
  test("a fixed count without wrapping is that many equal tracks", () => {
    expect(gridColumns(3, 0, false, "1rem")).toBe("repeat(3, minmax(0, 1fr))");
  });

  test("auto fits as many tracks as the least width allows", () => {
    expect(gridColumns(0, 150, true, "1rem")).toBe("repeat(auto-fill, minmax(min(150px, 100%), 1fr))");
  });

  test("a wrapping count never exceeds the count: each track takes at least its share", () => {
    expect(gridColumns(4, 0, true, "0.5rem")).toBe(
      "repeat(auto-fill, minmax(max(min(12rem, 100%), calc((100% - 3 * 0.5rem) / 4)), 1fr))",
    );
  });
});

describe("formatDateTime", () => {
  test("orders the date as the format says and keeps the time", () => {
    expect(formatDateTime("2024-03-05T07:09", "DD.MM.YYYY")).toBe("05.03.2024, 07:09");
    expect(formatDateTime("2024-03-05T07:09", "MM/DD/YYYY")).toBe("03/05/2024, 07:09");
    expect(formatDateTime("2024-03-05T07:09", "")).toBe("2024/03/05, 07:09");
    expect(formatDateTime("", "YYYY-MM-DD")).toBe("");
  });
});
