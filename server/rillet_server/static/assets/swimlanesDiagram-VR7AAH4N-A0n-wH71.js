import{r as e,t}from"./chunk-SHT3W25Y-CgMXrh17.js";import"./chunk-POPQ4Y6H-BRFf3VHy.js";import"./mermaid.core-BkFQ0npw.js";import"./chunk-F27PBJKO-5U_buyW8.js";import"./chunk-L3NEJ4N5-DfKqM91B.js";import"./chunk-OSK3NFVY-BPvUrsve.js";import"./chunk-GVQU2GXP-DJuojFJT.js";import"./chunk-4HAMMTFA-3Mjr34fN.js";import"./chunk-P2QGCYS3-DWaQWuga.js";import"./chunk-GMAD6QVW-Ld1OgS6H.js";import"./chunk-PWAF6VOD-C-tjeMLz.js";import"./chunk-75Z2AOVW-C17D4fE1.js";import"./chunk-DU6HZSFF-DJiZGh2i.js";import"./d3-selection-BVDtn41X.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};