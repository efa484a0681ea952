/** The app's pages as links, grouped by section; a click navigates without reloading. */
import type { AppState } from "../appState";
import type { AppController } from "../controller";
import { Icon } from "../elements/common";
import type { PageEntry } from "../proto/rillet_pb";
import { pageUrl } from "../url";

function groupBySection(pages: readonly PageEntry[]): [string, PageEntry[]][] {
  const groups = new Map<string, PageEntry[]>();
  // visibility="hidden": reachable by link and switch_page, not listed.
  for (const page of pages.filter((entry) => !entry.hidden)) {
    const group = groups.get(page.section) ?? [];
    group.push(page);
    groups.set(page.section, group);
  }
  return [...groups];
}

export function currentPageHash(state: AppState): string {
  if (state.pageHash !== "") return state.pageHash;
  return state.navigation.pages.find((page) => page.isDefault)?.pageHash ?? "";
}

export function PageList({ state, controller }: { state: AppState; controller: AppController }) {
  const current = currentPageHash(state);
  return (
    <>
      {groupBySection(state.navigation.pages).map(([section, pages]) => (
        <div key={section} class="rl-nav-section">
          {section !== "" && <div class="rl-nav-heading">{section}</div>}
          <ul class="rl-nav-list">
            {pages.map((page) => (
              <li key={page.pageHash}>
                <a
                  class={`rl-nav-link${page.pageHash === current ? " rl-current" : ""}`}
                  href={pageUrl(controller.baseUrl, page.isDefault ? "" : page.urlPath, "")}
                  aria-current={page.pageHash === current ? "page" : undefined}
                  title={page.help || undefined}
                  onClick={(event) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                    event.preventDefault();
                    controller.navigate(page.pageHash, page.isDefault ? "" : page.urlPath);
                  }}
                >
                  <Icon icon={page.icon} />
                  {page.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
