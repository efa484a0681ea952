import{r as e,t}from"./chunk-SHT3W25Y-C6krC2Yo.js";import"./chunk-POPQ4Y6H-4Vcn0wDP.js";import"./mermaid.core-DCmhAE8S.js";import"./chunk-F27PBJKO-gUdnXRLK.js";import"./chunk-L3NEJ4N5-BrHpzQEc.js";import"./chunk-OSK3NFVY-BE2ItUMK.js";import"./chunk-GVQU2GXP-xS0pQI-1.js";import"./chunk-4HAMMTFA-HB3LAgwj.js";import"./chunk-P2QGCYS3-tuBcl2ab.js";import"./chunk-GMAD6QVW-B7ern4_r.js";import"./chunk-PWAF6VOD-DvJx0Y8X.js";import"./chunk-75Z2AOVW-ChEQmagC.js";import"./chunk-DU6HZSFF-wkkmoAQk.js";import"./d3-selection-8C9HVtqI.js";import{n}from"./chunk-Y2CYZVJY-DsF7k-Jl.js";var r=t({defaultLayout:`swimlane`,styles:n(t=>`${e(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,`getStyles`)});export{r as diagram};