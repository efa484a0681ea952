import{r as e,t}from"./chunk-SHT3W25Y-DDJj2QBF.js";import"./chunk-POPQ4Y6H-CvVZ9daC.js";import"./mermaid.core-ibiVFBEH.js";import"./chunk-F27PBJKO-DnPkTEsx.js";import"./chunk-L3NEJ4N5-CUrjunnI.js";import"./chunk-OSK3NFVY-BQBYiZGi.js";import"./chunk-GVQU2GXP-ZTAuuFxW.js";import"./chunk-4HAMMTFA-DE7q95WC.js";import"./chunk-P2QGCYS3-D3BABu7o.js";import"./chunk-GMAD6QVW-CWuX-HBf.js";import"./chunk-PWAF6VOD-DwvBrljI.js";import"./chunk-75Z2AOVW-pAU8LOKo.js";import"./chunk-DU6HZSFF-BpqoIUVv.js";import"./d3-selection-BAGaWUcC.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};