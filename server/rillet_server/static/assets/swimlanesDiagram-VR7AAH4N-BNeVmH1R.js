import{r as e,t}from"./chunk-SHT3W25Y-DH3ngexT.js";import"./chunk-POPQ4Y6H-WojzCeHw.js";import"./mermaid.core-C_B_3xjc.js";import"./chunk-F27PBJKO-BD-1lBpz.js";import"./chunk-L3NEJ4N5-UnbZf-Ez.js";import"./chunk-OSK3NFVY-CyIVLmKx.js";import"./chunk-GVQU2GXP-CTz1H3C7.js";import"./chunk-4HAMMTFA-8trHgrYg.js";import"./chunk-P2QGCYS3-BbKyvSuO.js";import"./chunk-GMAD6QVW-C0Xr2KBQ.js";import"./chunk-PWAF6VOD-ILPtHObO.js";import"./chunk-75Z2AOVW-Dvakv24o.js";import"./chunk-DU6HZSFF-DAQp4_kr.js";import"./d3-selection-Di-xnOMo.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};