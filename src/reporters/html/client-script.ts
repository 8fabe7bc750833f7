/**
 * The page's own script (plain ES2017, inlined after uPlot): draws every chart from the
 * `#chart-data` JSON with a live legend (hover values with units), run seconds and local time
 * on the x axis (a capacity chart: the load level), shaded bands and threshold lines; rewrites
 * <time> to local time; resizes the charts with the window and for printing. After the first
 * paint it sets `data-charts-drawn` (charts drawn) and `data-render-ms` (ms since navigation) on
 * <html>: the browser test and the bench read them.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var BAND_FILL = {
    phase: ['rgba(0,0,0,0.035)', 'rgba(0,0,0,0.085)'],
    spike: 'rgba(230,159,0,0.20)',
    recovery: 'rgba(0,158,115,0.18)',
    unrecovered: 'rgba(204,121,167,0.22)',
    outage: 'rgba(213,94,0,0.22)',
    knee: 'rgba(0,114,178,0.45)',
    peak: 'rgba(204,121,167,0.45)'
  };
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var charts = [];

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function localTime(ms) {
    var d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  function short(v) {
    if (v == null || !isFinite(v)) return '–';
    var a = Math.abs(v);
    var text = a >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 0 })
      : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
    return text.indexOf('.') < 0 ? text : text.replace(/\.?0+$/, '');
  }
  function withUnit(v, unit) { return v == null || !isFinite(v) ? '–' : short(v) + ' ' + unit; }

  function dataMax(spec) {
    var max = 0;
    spec.series.forEach(function (s) { s.values.forEach(function (v) { if (v != null && v > max) max = v; }); });
    return max;
  }
  // Thresholds far above the data would flatten it: those stay off the scale, named in the note.
  function shownThresholds(spec) {
    var max = dataMax(spec);
    return spec.thresholds.filter(function (t) { return max === 0 ? t.value <= 1 : t.value <= max * 2.5; });
  }

  function bandsPlugin(spec, thresholds) {
    function xs(u, v) { return u.valToPos(v, 'x', true); }
    return { hooks: {
      drawClear: [function (u) {
        var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height, phaseIndex = 0;
        ctx.save();
        spec.bands.forEach(function (b) {
          var fill = BAND_FILL[b.kind];
          if (b.kind === 'phase') { fill = fill[phaseIndex % 2]; phaseIndex++; }
          var x0 = Math.max(u.bbox.left, xs(u, b.fromS)), x1 = Math.min(u.bbox.left + u.bbox.width, xs(u, b.toS));
          if (x1 > x0) { ctx.fillStyle = fill; ctx.fillRect(x0, top, x1 - x0, h); }
        });
        ctx.restore();
      }],
      draw: [function (u) {
        var ctx = u.ctx, dpr = window.devicePixelRatio || 1, lane = 0;
        ctx.save();
        ctx.font = (10 * dpr) + 'px system-ui, sans-serif';
        ctx.fillStyle = '#222';
        ctx.textBaseline = 'top';
        ctx.textAlign = 'left';
        spec.bands.forEach(function (b) {
          var x0 = Math.max(u.bbox.left, xs(u, b.fromS));
          if (x0 < u.bbox.left + u.bbox.width - 20 * dpr) {
            ctx.fillText(b.label, x0 + 3 * dpr, u.bbox.top + (2 + 11 * (lane % 2)) * dpr);
            lane++;
          }
        });
        ctx.strokeStyle = '#000';
        ctx.lineWidth = dpr;
        ctx.setLineDash([4 * dpr, 4 * dpr]);
        ctx.textBaseline = 'bottom';
        ctx.textAlign = 'right';
        thresholds.forEach(function (t) {
          var y = u.valToPos(t.value, 'y', true);
          if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
          ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
          ctx.fillText(t.label, u.bbox.left + u.bbox.width - 4 * dpr, y - 2 * dpr);
        });
        ctx.restore();
      }],
    } };
  }

  // A capacity chart's x is a load level (spec.xUnit: users, rps), not run time.
  function xValue(spec, v) {
    if (spec.xUnit) return short(v) + ' ' + spec.xUnit;
    return short(v) + ' s · ' + localTime(spec.startMs + v * 1000);
  }
  function xTick(spec, v) {
    return spec.xUnit ? short(v) : short(v) + ' s\n' + localTime(spec.startMs + v * 1000);
  }

  function options(spec, width) {
    var thresholds = shownThresholds(spec);
    var ceiling = Math.max.apply(null, [dataMax(spec)].concat(thresholds.map(function (t) { return t.value; })));
    return {
      width: width, height: 230,
      padding: [12, 28, 0, 0],
      scales: {
        x: { time: false, range: function () { return spec.xRange; } },
        y: { range: function () { return [0, ceiling > 0 ? ceiling * 1.1 : 1]; } }
      },
      series: [{
        label: spec.xUnit || 'run time',
        value: function (u, v) { return v == null ? '–' : xValue(spec, v); }
      }].concat(spec.series.map(function (s) {
        // Measured points among a denser x (a capacity chart's USL curve): markers, joined over the gaps.
        var series = {
          label: s.label, stroke: s.color, dash: s.dash, width: 1.5, spanGaps: s.points === true,
          value: function (u, v) { return withUnit(v, spec.unit); }
        };
        if (s.points === true) series.points = { show: true, size: 6, fill: s.color };
        return series;
      })),
      axes: [
        {
          label: spec.xUnit || 'run time (s) · local time',
          size: spec.xUnit ? 40 : 52,
          values: function (u, splits) { return splits.map(function (v) { return xTick(spec, v); }); }
        },
        { label: spec.unit, size: 64, values: function (u, splits) { return splits.map(short); } },
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      plugins: [bandsPlugin(spec, thresholds)],
    };
  }

  function widthOf(el) { return Math.max(300, Math.floor(el.clientWidth || 600)); }

  var byId = new Map();
  data.charts.forEach(function (spec) { spec.x = data.xs[spec.xi]; byId.set(spec.id, spec); });
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var spec = byId.get(el.getAttribute('data-chart'));
    if (!spec) throw new Error('no chart data for ' + el.getAttribute('data-chart'));
    var values = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    var plot = new uPlot(options(spec, widthOf(el)), values, el);
    var off = spec.thresholds.length - shownThresholds(spec).length;
    if (off > 0) {
      var shown = shownThresholds(spec);
      var hidden = spec.thresholds.filter(function (t) { return shown.indexOf(t) < 0; });
      el.parentNode.querySelector('.note').textContent +=
        ' Off the scale: ' + hidden.map(function (t) { return t.label; }).join('; ') + '.';
    }
    charts.push({ el: el, plot: plot });
  });

  document.querySelectorAll('time[datetime]').forEach(function (t) {
    var d = new Date(t.getAttribute('datetime'));
    if (!isNaN(d.getTime())) { t.title = t.textContent; t.textContent = d.toLocaleString(); }
  });

  function resize(fixedWidth) {
    charts.forEach(function (c) { c.plot.setSize({ width: fixedWidth || widthOf(c.el), height: 230 }); });
  }
  var timer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { resize(); }, 150);
  });
  window.addEventListener('beforeprint', function () { resize(640); });
  window.addEventListener('afterprint', function () { resize(); });

  // Marked after the next frame is painted: render time includes drawing, not just building.
  requestAnimationFrame(function () {
    setTimeout(function () {
      document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now())));
      document.documentElement.setAttribute('data-charts-drawn', String(charts.length));
    }, 0);
  });
})();
`;
