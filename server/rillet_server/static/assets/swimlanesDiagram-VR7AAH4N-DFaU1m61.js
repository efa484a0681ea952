import{r as e,t}from"./chunk-SHT3W25Y-Dy1VBbT0.js";import"./chunk-POPQ4Y6H-1igLRe84.js";import"./mermaid.core-BPGFgIpN.js";import"./chunk-F27PBJKO-BDG_WQ2R.js";import"./chunk-L3NEJ4N5-B-BZb3_8.js";import"./chunk-OSK3NFVY-DMpSIo1f.js";import"./chunk-GVQU2GXP-CAFTG9_T.js";import"./chunk-4HAMMTFA-Bp13sKW7.js";import"./chunk-P2QGCYS3-Cu9JUdW3.js";import"./chunk-GMAD6QVW-B7Y1Ip_-.js";import"./chunk-PWAF6VOD-BdPEqA5J.js";import"./chunk-75Z2AOVW-BIf6dQkO.js";import"./chunk-DU6HZSFF-f1fTe7li.js";import"./d3-selection-C4KrYSZu.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};