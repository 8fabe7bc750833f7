import { creditModel, toFeatureMatrix } from './fixtures/ethix-service/model/credit-model.ts';
import { predictMargin, expectedMargin } from './fixtures/ethix-service/model/gbt-model.mjs';
import { treeShap } from './fixtures/ethix-service/model/tree-shap.mjs';
import { generateCreditRecords } from './src/data/index.ts';
let t = Date.now();
const model = creditModel();
console.log('train ms', Date.now() - t, 'nodes', model.trees.reduce((a, t) => a + t.feature.length, 0));
const recs = generateCreditRecords(5000, { seed: 42 });
const rows = toFeatureMatrix(recs);
const m = 9;
let correct = 0;
for (let i = 0; i < recs.length; i++) { const p = predictMargin(model, rows, i*m) > 0; if (p === recs[i].approved) correct++; }
console.log('accuracy', correct / recs.length);
const base = expectedMargin(model);
const phi = new Float64Array(recs.length * m);
t = performance.now();
let maxErr = 0;
for (let i = 0; i < recs.length; i++) { treeShap(model, rows, i*m, phi, i*m); }
const dt = performance.now() - t;
for (let i = 0; i < recs.length; i++) { let s = base; for (let f = 0; f < m; f++) s += phi[i*m+f]; maxErr = Math.max(maxErr, Math.abs(s - predictMargin(model, rows, i*m))); }
console.log('shap ms total', dt.toFixed(0), 'per record', (dt / recs.length).toFixed(3), 'maxErr', maxErr);
const mean = new Array(m).fill(0); for (let i = 0; i < recs.length; i++) for (let f = 0; f < m; f++) mean[f] += Math.abs(phi[i*m+f]) / recs.length;
console.log(model.featureNames.map((n, f) => n + '=' + mean[f].toFixed(3)).join(' '));
