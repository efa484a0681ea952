import{r as e,t}from"./chunk-SHT3W25Y-B3gX-lIk.js";import"./chunk-POPQ4Y6H-Yvcg3gOv.js";import"./mermaid.core-z14f-LAF.js";import"./chunk-F27PBJKO-CFN8zVU7.js";import"./chunk-L3NEJ4N5-LTNHhzjA.js";import"./chunk-OSK3NFVY-BH8OWAAa.js";import"./chunk-GVQU2GXP-BwBsWcZP.js";import"./chunk-4HAMMTFA-DstgVrFP.js";import"./chunk-P2QGCYS3-BG4uaA2q.js";import"./chunk-GMAD6QVW-DwF14A2y.js";import"./chunk-PWAF6VOD-DmxWgJvh.js";import"./chunk-75Z2AOVW-BP2mqQ8p.js";import"./chunk-DU6HZSFF-DfKBB4xA.js";import"./d3-selection-UUvUFjDU.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};