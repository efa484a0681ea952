import{r as e,t}from"./chunk-SHT3W25Y-DzTVu9Ea.js";import"./chunk-POPQ4Y6H-DvQW5CCm.js";import"./mermaid.core-BlR9Rw5O.js";import"./chunk-F27PBJKO-jCyzoIVn.js";import"./chunk-L3NEJ4N5-DVFmI74u.js";import"./chunk-OSK3NFVY-Dwy6cmO8.js";import"./chunk-GVQU2GXP-BIiYez0-.js";import"./chunk-4HAMMTFA-FzYVkc1B.js";import"./chunk-P2QGCYS3-lR1qy-Uz.js";import"./chunk-GMAD6QVW-9NBCRlnX.js";import"./chunk-PWAF6VOD-BYZKp11D.js";import"./chunk-75Z2AOVW-qXBd780v.js";import"./chunk-DU6HZSFF-GQa1bgQi.js";import"./d3-selection-cBScsNSa.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};