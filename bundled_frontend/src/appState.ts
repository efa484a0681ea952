/**
 * Everything the page shows, as one immutable value, and the pure function
 * that folds a ForwardMsg into it. Side effects (sending a rerun, changing
 * the URL or the tab title) live in the controller, not here.
 */
import type { ForwardMsg, Logo, NewSession, PageConfig, PageEntry, SessionStatus } from "./proto/rillet_pb";
import { ConnectionState } from "./connection";
import { applyDelta, clearStale, emptyTree, type ElementTree } from "./tree";

export interface NavigationState {
  readonly pages: readonly PageEntry[];
  readonly position: string;
  readonly pageHash: string;
  readonly expanded: boolean;
}

export interface AppState {
  readonly connection: ConnectionState;
  readonly session: NewSession | undefined;
  readonly tree: ElementTree;
  /** The run whose deltas are arriving (tags written nodes). */
  readonly runId: string;
  /** The fragment the current run reruns ("" for a full run). */
  readonly runFragmentId: string;
  readonly scriptRunning: boolean;
  readonly sourceChanged: boolean;
  readonly runOnSave: boolean;
  readonly pageConfig: PageConfig | undefined;
  readonly navigation: NavigationState;
  readonly pageHash: string;
  readonly queryString: string;
  readonly urlPath: string;
  /** `st.logo`, and the run that sent it: a full run that sends none removes it. */
  readonly logo: Logo | undefined;
  readonly logoRunId: string;
}

export function initialAppState(): AppState {
  return {
    connection: ConnectionState.Initial,
    session: undefined,
    tree: emptyTree(),
    runId: "",
    runFragmentId: "",
    scriptRunning: false,
    sourceChanged: false,
    runOnSave: false,
    pageConfig: undefined,
    navigation: { pages: [], position: "sidebar", pageHash: "", expanded: false },
    pageHash: "",
    queryString: "",
    urlPath: "",
    logo: undefined,
    logoRunId: "",
  };
}

function withStatus(state: AppState, status: SessionStatus): AppState {
  return {
    ...state,
    scriptRunning: status.scriptIsRunning,
    sourceChanged: status.sourceChanged,
    runOnSave: status.runOnSave,
  };
}

/** `st.set_page_config`: a field sent empty leaves the value set before unchanged. */
export function mergePageConfig(previous: PageConfig | undefined, next: PageConfig): PageConfig {
  if (previous === undefined) return next;
  return {
    ...next,
    pageTitle: next.pageTitle || previous.pageTitle,
    pageIcon: next.pageIcon || previous.pageIcon,
    layout: next.layout || previous.layout,
    initialSidebarState: next.initialSidebarState || previous.initialSidebarState,
    menuItemsJson: next.menuItemsJson || previous.menuItemsJson,
  };
}

/** Fold one server message into the state. */
export function reduceForwardMsg(state: AppState, msg: ForwardMsg): AppState {
  const type = msg.type;
  switch (type.case) {
    case "newSession": {
      // The page stays as it is, even for a fresh session after a reconnect:
      // the rerun that follows overwrites it and its ClearStale drops the rest.
      const session = type.value;
      return {
        ...state,
        session,
        navigation: {
          ...state.navigation,
          pages: session.pages.length > 0 ? session.pages : state.navigation.pages,
          // client.showSidebarNavigation = false hides the pages/ folder's menu.
          position: session.hidePageNav ? "hidden" : state.navigation.position,
        },
      };
    }
    case "scriptStarted":
      return {
        ...state,
        runId: type.value.runId,
        runFragmentId: type.value.fragmentId,
        scriptRunning: true,
        // A full run runs the changed source: the "Source file changed" bar has done its job.
        sourceChanged: type.value.fragmentId === "" ? false : state.sourceChanged,
        pageHash: type.value.pageHash || state.pageHash,
      };
    case "delta":
      return { ...state, tree: applyDelta(state.tree, type.value, state.runId) };
    case "scriptFinished":
      return { ...state, scriptRunning: false };
    case "clearStale": {
      const tree = clearStale(state.tree, type.value.runId, type.value.fragmentId);
      const logoKept = type.value.fragmentId !== "" || state.logoRunId === type.value.runId;
      return { ...state, tree, logo: logoKept ? state.logo : undefined };
    }
    case "logo":
      return { ...state, logo: type.value.image === "" ? undefined : type.value, logoRunId: state.runId };
    case "pageInfo":
      return {
        ...state,
        queryString: type.value.queryString,
        pageHash: type.value.pageHash || state.pageHash,
        urlPath: type.value.urlPath,
      };
    case "pageConfig":
      return { ...state, pageConfig: mergePageConfig(state.pageConfig, type.value) };
    case "navigation":
      return {
        ...state,
        navigation: {
          pages: type.value.pages,
          position: type.value.position || "sidebar",
          pageHash: type.value.pageHash,
          expanded: type.value.expanded,
        },
        pageHash: type.value.pageHash || state.pageHash,
      };
    case "sessionStatus":
      return withStatus(state, type.value);
    default:
      return state;
  }
}

export function withConnection(state: AppState, connection: ConnectionState): AppState {
  return connection === state.connection ? state : { ...state, connection };
}
