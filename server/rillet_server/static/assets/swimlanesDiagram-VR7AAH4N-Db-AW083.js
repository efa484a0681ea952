import{r as e,t}from"./chunk-SHT3W25Y-DDJcl5nl.js";import"./chunk-POPQ4Y6H-Dxeqthhp.js";import"./mermaid.core-C-HA045N.js";import"./chunk-F27PBJKO-DhyolPkW.js";import"./chunk-L3NEJ4N5-DPSvX6oD.js";import"./chunk-OSK3NFVY-BjtejMH-.js";import"./chunk-GVQU2GXP-Bcpf2VvL.js";import"./chunk-4HAMMTFA-CfjWfF3G.js";import"./chunk-P2QGCYS3-DKkcIDiL.js";import"./chunk-GMAD6QVW-DT7Tale-.js";import"./chunk-PWAF6VOD-DAM2O6zo.js";import"./chunk-75Z2AOVW-DmyUw_ta.js";import"./chunk-DU6HZSFF-DZSGgO1p.js";import"./d3-selection-C5ZAljed.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};