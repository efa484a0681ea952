/** The prebuilt plotly.js bundles ship no types; rillet uses this much of them. */
declare module "plotly.js-cartesian-dist-min" {
  const Plotly: import("./plotly").PlotlyModule;
  export default Plotly;
}
declare module "plotly.js-dist-min" {
  const Plotly: import("./plotly").PlotlyModule;
  export default Plotly;
}
