import{r as e,t}from"./chunk-SHT3W25Y-FbU-9onT.js";import"./chunk-POPQ4Y6H-BRd6vWQ3.js";import"./mermaid.core-NsOBEb-0.js";import"./chunk-F27PBJKO-D0a8IwLu.js";import"./chunk-L3NEJ4N5-CNSj410f.js";import"./chunk-OSK3NFVY-CVFo1XIP.js";import"./chunk-GVQU2GXP-BsIKsqbB.js";import"./chunk-4HAMMTFA-5aUnHyPz.js";import"./chunk-P2QGCYS3-Bme7YdoS.js";import"./chunk-GMAD6QVW-mxDyMAMK.js";import"./chunk-PWAF6VOD-D82bOzPj.js";import"./chunk-75Z2AOVW-CXFsHtYK.js";import"./chunk-DU6HZSFF-v4h4O0oQ.js";import"./d3-selection-Cbh1pakB.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};