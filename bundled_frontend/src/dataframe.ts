/**
 * The lazy table chunk's loader: the grid, the Arrow decoder and their CSS
 * arrive only when the first table appears (see src/lazy/dataGrid.tsx).
 */
export type GridModule = typeof import("./lazy/dataGrid");

let loading: Promise<GridModule> | undefined;
let loaded: GridModule | undefined;

/** The chunk once it has loaded (synchronously), else undefined. */
export function gridModule(): GridModule | undefined {
  return loaded;
}

export function loadGrid(): Promise<GridModule> {
  loading ??= import("./lazy/dataGrid").then((module) => (loaded = module));
  return loading;
}
