import type { ChartSpec } from './chart-spec.js';
import { escapeHtml as e } from './escape.js';

// Pieces the run sections and the capacity sections share.

/** A state badge; the text carries the state, the colour only repeats it. */
export function badge(state: string, text = state): string {
  return `<span class="badge ${e(state)}">${e(text)}</span>`;
}

/** A chart's figure: caption with unit, the element the page's script draws into, and its note. */
export function chartFigure(spec: ChartSpec): string {
  const kinds = new Set(spec.bands.map((b) => b.kind));
  const capacityBands = [
    kinds.has('knee') ? 'the knee' : '',
    kinds.has('peak') ? 'the USL peak' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const legend =
    spec.bands.length === 0
      ? ''
      : spec.xUnit
        ? ` Shaded: ${capacityBands}.`
        : ' Shaded: stages, recovery and outage windows.';
  return `<figure class="chart-box"><figcaption>${e(spec.title)} <span \
class="unit">(${e(spec.unit)})</span></figcaption>
<div class="chart" data-chart="${e(spec.id)}"></div>
<p class="note">${e(spec.note ?? '')}${legend}</p></figure>`;
}
