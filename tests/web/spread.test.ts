import { describe, expect, it } from 'vitest';
import { COLLIDE_GAP, spread } from '../../web/src/graph/spread.ts';
import type { Body, Link } from '../../web/src/graph/spread.ts';

type Point = { x: number; y: number };

/**
 * A core as large views have them: `hubs` wide bodies (their leaf rings) in a chain, each with a few
 * small bodies of its own hanging off it and one to the next hub's, plus a handful of lone pairs.
 */
function core(hubs: number): { bodies: Body[]; links: Link[] } {
  const bodies: Body[] = [];
  const links: Link[] = [];
  for (let h = 0; h < hubs; h++) {
    bodies.push({ id: `h${h}`, radius: 15 + 52 + 36 * (h % 3) });
    if (h > 0) links.push({ source: `h${h - 1}`, target: `h${h}` });
    for (let k = 0; k < 4; k++) {
      bodies.push({ id: `h${h}-${k}`, radius: 15 });
      links.push({ source: `h${h}`, target: `h${h}-${k}` });
    }
    if (h > 0) links.push({ source: `h${h - 1}-0`, target: `h${h}-1` });
  }
  for (let p = 0; p < 6; p++) {
    bodies.push({ id: `p${p}a`, radius: 15 }, { id: `p${p}b`, radius: 15 });
    links.push({ source: `p${p}a`, target: `p${p}b` });
  }
  return { bodies, links };
}

function points(positions: Float64Array): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < positions.length; i += 2) out.push({ x: positions[i]!, y: positions[i + 1]! });
  return out;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the force pass of large views', () => {
  const { bodies, links } = core(30);
  const at = points(spread(bodies, links));
  const index = new Map(bodies.map((b, i) => [b.id, i]));

  it('gives every body a finite position, the same each time', () => {
    expect(at).toHaveLength(bodies.length);
    expect(at.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(points(spread(bodies, links))).toEqual(at);
  });

  it('keeps hubs and their rings apart: no two wide bodies overlap', () => {
    const wide = bodies.map((b, i) => ({ b, p: at[i]! })).filter(({ b }) => b.radius > 15);
    for (let i = 0; i < wide.length; i++)
      for (let j = i + 1; j < wide.length; j++) {
        const { b: a, p: pa } = wide[i]!;
        const { b: c, p: pc } = wide[j]!;
        // Collision is a force, not a constraint: allow it a few units short of its gap.
        expect(distance(pa, pc)).toBeGreaterThan(a.radius + c.radius + COLLIDE_GAP / 2 - 8);
      }
  });

  it('puts linked bodies closer together than unlinked ones, on average', () => {
    const linked = links.map((l) => distance(at[index.get(l.source)!]!, at[index.get(l.target)!]!));
    let sum = 0;
    let count = 0;
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++) {
        sum += distance(at[i]!, at[j]!);
        count++;
      }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(linked)).toBeLessThan((sum / count) / 2);
  });

  it('leaves pinned bodies where they are, lays the rest out around them, and ignores links to bodies it was not given', () => {
    const pin = { x: 12345, y: -5600 };
    const pinned = bodies.map((b) => (b.id === 'h3' ? { ...b, fixed: pin } : b));
    const placed = points(spread(pinned, [...links, { source: 'h3', target: 'elsewhere' }]));
    expect(placed[index.get('h3')!]).toEqual(pin);
    expect(placed.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // Its neighbours stay near it rather than near the origin.
    for (const k of [0, 1, 2, 3]) expect(distance(placed[index.get(`h3-${k}`)!]!, pin)).toBeLessThan(1000);
  });

  it('handles nothing, and a single body', () => {
    expect(spread([], [])).toHaveLength(0);
    expect(points(spread([{ id: 'a', radius: 15 }], [])).every((p) => Number.isFinite(p.x))).toBe(true);
  });
});
