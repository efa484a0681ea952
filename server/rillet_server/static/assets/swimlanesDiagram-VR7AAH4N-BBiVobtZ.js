import{r as e,t}from"./chunk-SHT3W25Y-Byx6xloW.js";import"./chunk-POPQ4Y6H-BdPytCzd.js";import"./mermaid.core-B4eBNKoR.js";import"./chunk-F27PBJKO-C8Yagi_6.js";import"./chunk-L3NEJ4N5-BCoS7Peu.js";import"./chunk-OSK3NFVY-Dgs04O0Y.js";import"./chunk-GVQU2GXP-C_I65ewO.js";import"./chunk-4HAMMTFA-CIuQ2o52.js";import"./chunk-P2QGCYS3-D2x1APdQ.js";import"./chunk-GMAD6QVW-DMZgX-LJ.js";import"./chunk-PWAF6VOD-GCRPTNaU.js";import"./chunk-75Z2AOVW-bZ0ifbjl.js";import"./chunk-DU6HZSFF-BeQ4Tw_d.js";import"./d3-selection-CQOeqU2O.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};