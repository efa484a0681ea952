import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { initialAppState, reduceForwardMsg, type AppState } from "../src/appState";
import { ForwardMsgSchema } from "../src/proto/rillet_pb";

type Init = MessageInitShape<typeof ForwardMsgSchema>;

function fold(state: AppState, ...msgs: Init[]): AppState {
  return msgs.reduce((s, m) => reduceForwardMsg(s, create(ForwardMsgSchema, m)), state);
}

const text = (path: number[], body: string): Init => ({
  type: {
    case: "delta",
    value: { path, type: { case: "newElement", value: { type: { case: "text", value: { body } } } } },
  },
});

describe("reduceForwardMsg", () => {
  test("deltas are tagged with the run that ScriptStarted announced", () => {
    const state = fold(
      initialAppState(),
      { type: { case: "scriptStarted", value: { runId: "r9" } } },
      text([0, 0], "x"),
    );
    expect(state.scriptRunning).toBe(true);
    expect(state.tree.roots[0]?.children[0]?.runId).toBe("r9");
  });

  test("ScriptFinished ends the running state and ClearStale drops old nodes", () => {
    let state = fold(
      initialAppState(),
      { type: { case: "scriptStarted", value: { runId: "r1" } } },
      text([0, 0], "a"),
      text([0, 1], "b"),
    );
    state = fold(
      state,
      { type: { case: "scriptStarted", value: { runId: "r2" } } },
      text([0, 0], "a2"),
      { type: { case: "scriptFinished", value: { runId: "r2" } } },
      { type: { case: "clearStale", value: { runId: "r2" } } },
    );
    expect(state.scriptRunning).toBe(false);
    expect(state.tree.roots[0]?.children).toHaveLength(1);
  });

  test("a new session after a reconnect keeps the page until the next run replaces it", () => {
    const before = fold(
      initialAppState(),
      { type: { case: "scriptStarted", value: { runId: "r1" } } },
      text([0, 0], "a"),
    );
    const after = fold(before, { type: { case: "newSession", value: { sessionId: "s2", resumed: false } } });
    expect(after.tree).toBe(before.tree);
    expect(after.session?.sessionId).toBe("s2");
  });

  test("a session of an app that hides the pages/ menu hides it; st.navigation still places its own", () => {
    const pages = [{ pageHash: "p1" }, { pageHash: "p2" }];
    const shown = fold(initialAppState(), { type: { case: "newSession", value: { sessionId: "s", pages } } });
    expect(shown.navigation.position).toBe("sidebar");
    const hidden = fold(initialAppState(), {
      type: { case: "newSession", value: { sessionId: "s", pages, hidePageNav: true } },
    });
    expect(hidden.navigation.position).toBe("hidden");
    const placed = fold(hidden, { type: { case: "navigation", value: { pages, position: "sidebar" } } });
    expect(placed.navigation.position).toBe("sidebar");
  });

  test("page info, navigation and session status land in the state", () => {
    const state = fold(
      initialAppState(),
      { type: { case: "pageInfo", value: { queryString: "a=1", pageHash: "p2", urlPath: "two" } } },
      {
        type: {
          case: "navigation",
          value: { pages: [{ pageHash: "p1" }, { pageHash: "p2" }], position: "top" },
        },
      },
      { type: { case: "sessionStatus", value: { sourceChanged: true, scriptIsRunning: true } } },
    );
    expect(state.queryString).toBe("a=1");
    expect(state.urlPath).toBe("two");
    expect(state.pageHash).toBe("p2");
    expect(state.navigation.position).toBe("top");
    expect(state.navigation.pages).toHaveLength(2);
    expect(state.sourceChanged).toBe(true);
    expect(state.scriptRunning).toBe(true);
  });

  test("a PageConfig field sent empty keeps the value set before", () => {
    const state = fold(
      initialAppState(),
      {
        type: {
          case: "pageConfig",
          value: { pageTitle: "Sales", pageIcon: "📈", layout: "wide", menuItemsJson: '{"About": "hi"}' },
        },
      },
      { type: { case: "pageConfig", value: { initialSidebarState: "collapsed" } } },
      { type: { case: "pageConfig", value: { pageTitle: "Sales 2" } } },
    );
    expect(state.pageConfig?.pageTitle).toBe("Sales 2");
    expect(state.pageConfig?.pageIcon).toBe("📈");
    expect(state.pageConfig?.layout).toBe("wide");
    expect(state.pageConfig?.initialSidebarState).toBe("collapsed");
    expect(state.pageConfig?.menuItemsJson).toBe('{"About": "hi"}');
  });

  test("a full run clears 'source changed'; a fragment run does not", () => {
    const changed = fold(initialAppState(), {
      type: { case: "sessionStatus", value: { sourceChanged: true } },
    });
    const fragment = fold(changed, {
      type: { case: "scriptStarted", value: { runId: "r1", fragmentId: "f" } },
    });
    expect(fragment.sourceChanged).toBe(true);
    const full = fold(changed, { type: { case: "scriptStarted", value: { runId: "r2" } } });
    expect(full.sourceChanged).toBe(false);
  });
});
