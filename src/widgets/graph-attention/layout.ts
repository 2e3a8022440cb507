/**
 * A deterministic force-directed layout (Fruchterman–Reingold) for drawing a preset graph: nodes
 * start on a circle, repel each other, and edges pull their ends together. Drawing only; no
 * attention is computed here.
 */
export function springLayout(
  n: number,
  edges: readonly (readonly [number, number])[],
  width: number,
  height: number,
  iterations = 300,
): { x: number; y: number }[] {
  const pos = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return { x: Math.cos(t), y: Math.sin(t) };
  });
  const k = Math.sqrt(4 / n);
  for (let it = 0; it < iterations; it++) {
    const temp = 0.1 * (1 - it / iterations) + 0.002;
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d = Math.max(1e-3, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f;
        disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f;
        disp[j].y -= (dy / d) * f;
      }
    }
    for (const [a, b] of edges) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(1e-3, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[a].x -= (dx / d) * f;
      disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f;
      disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(1e-9, Math.hypot(disp[i].x, disp[i].y));
      const step = Math.min(d, temp);
      pos[i].x += (disp[i].x / d) * step;
      pos[i].y += (disp[i].y / d) * step;
    }
  }
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const m = 50;
  return pos.map((p) => ({
    x: Math.round(m + ((p.x - x0) / (x1 - x0 || 1)) * (width - 2 * m)),
    y: Math.round(m + ((p.y - y0) / (y1 - y0 || 1)) * (height - 2 * m)),
  }));
}

/**
 * Push apart points closer than `minDistance` (drawing units), keeping them `margin` inside the
 * box: a spring layout packs a hub's neighbours tightly, and their labels would overlap. Each
 * pass moves both points of a crowded pair half the missing distance apart; deterministic.
 */
export function spreadApart(
  points: readonly { x: number; y: number }[],
  minDistance: number,
  width: number,
  height: number,
  margin = 50,
  passes = 200,
): { x: number; y: number }[] {
  const p = points.map((q) => ({ ...q }));
  const clamp = (v: number, hi: number) => Math.max(margin, Math.min(hi - margin, v));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < p.length; i++) {
      for (let j = i + 1; j < p.length; j++) {
        let dx = p[j].x - p[i].x;
        let dy = p[j].y - p[i].y;
        let d = Math.hypot(dx, dy);
        if (d >= minDistance) continue;
        if (d < 1e-6) [dx, dy, d] = [Math.cos(i + j), Math.sin(i + j), 1];
        const push = (minDistance - d) / 2 + 0.5;
        p[i] = { x: clamp(p[i].x - (dx / d) * push, width), y: clamp(p[i].y - (dy / d) * push, height) };
        p[j] = { x: clamp(p[j].x + (dx / d) * push, width), y: clamp(p[j].y + (dy / d) * push, height) };
        moved = true;
      }
    }
    if (!moved) break;
  }
  return p.map((q) => ({ x: Math.round(q.x), y: Math.round(q.y) }));
}
