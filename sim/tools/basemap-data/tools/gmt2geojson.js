// node gmt2geojson.js out.geojson kind prop=value file[:value] ...  -- GMT multisegment ASCII (-M) -> GeoJSON LineStrings
const fs=require('fs'); const [,,out,prop,...files]=process.argv; const feats=[];
for (const spec of files){ const [f,val]=spec.split(':'); let cur=null;
  for (const line of fs.readFileSync(f,'utf8').split('\n')){ if(line.startsWith('>')){ if(cur&&cur.length>1) feats.push(mk(cur,val)); cur=[]; continue;}
    const t=line.trim().split(/\s+/); if(t.length>=2&&cur) cur.push([+t[0],+t[1]]); }
  if(cur&&cur.length>1) feats.push(mk(cur,val)); }
function mk(c,v){return {type:'Feature',properties:{[prop]:isNaN(+v)?v:+v},geometry:{type:'LineString',coordinates:c}};}
fs.writeFileSync(out,JSON.stringify({type:'FeatureCollection',features:feats})); console.log(out,feats.length);
