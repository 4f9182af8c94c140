import { ENTITY_TYPES } from '../api/domain.ts';
import { TYPE_LOOK } from '../graph/style.ts';
import { h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG glyph of a node shape, for the legend and the filter list. */
export function shapeGlyph(shape: string, color: string, ink: string, size = 16): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  let el: SVGElement;
  switch (shape) {
    case 'ellipse':
      el = document.createElementNS(SVG, 'circle');
      el.setAttribute('cx', '10');
      el.setAttribute('cy', '10');
      el.setAttribute('r', '8');
      break;
    case 'round-rectangle':
      el = document.createElementNS(SVG, 'rect');
      el.setAttribute('x', '2');
      el.setAttribute('y', '3');
      el.setAttribute('width', '16');
      el.setAttribute('height', '14');
      el.setAttribute('rx', '3');
      break;
    case 'round-hexagon':
      el = document.createElementNS(SVG, 'polygon');
      el.setAttribute('points', '10,1.5 17.5,5.8 17.5,14.2 10,18.5 2.5,14.2 2.5,5.8');
      el.setAttribute('stroke-linejoin', 'round');
      break;
    case 'round-diamond':
      el = document.createElementNS(SVG, 'polygon');
      el.setAttribute('points', '10,1.5 18.5,10 10,18.5 1.5,10');
      el.setAttribute('stroke-linejoin', 'round');
      break;
    default:
      el = document.createElementNS(SVG, 'polygon');
      el.setAttribute('points', '2,3 13,3 18.5,10 13,17 2,17');
      el.setAttribute('stroke-linejoin', 'round');
  }
  el.setAttribute('fill', color);
  el.setAttribute('stroke', ink);
  el.setAttribute('stroke-width', '1.5');
  svg.append(el);
  return svg;
}

export function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend-list' },
    ENTITY_TYPES.map((type) => {
      const look = TYPE_LOOK[type];
      return h('li', {}, shapeGlyph(look.shape, look.color, look.ink), h('span', {}, type));
    }),
    h('li', { class: 'legend-edge' }, h('span', { class: 'edge-sample solid', 'aria-hidden': 'true' }), h('span', {}, 'relation')),
    h('li', { class: 'legend-edge' }, h('span', { class: 'edge-sample dashed', 'aria-hidden': 'true' }), h('span', {}, 'holds position')),
    h('li', { class: 'legend-edge' }, h('span', { class: 'edge-sample dotted', 'aria-hidden': 'true' }), h('span', {}, 'part of, located in')),
  );
}
