import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from '../api/types.ts';

/** Each entity type's look, in one place: the graph's stylesheet and the legend both read it. */
export interface TypeLook {
  color: string;
  /** a darker tone for borders and text on light backgrounds */
  ink: string;
  shape: 'ellipse' | 'round-hexagon' | 'round-rectangle' | 'round-tag' | 'round-diamond' | 'round-triangle';
  size: number;
}

export const TYPE_LOOK: Record<EntityType, TypeLook> = {
  Person: { color: '#3b82f6', ink: '#1d4ed8', shape: 'ellipse', size: 30 },
  Place: { color: '#10b981', ink: '#047857', shape: 'round-hexagon', size: 34 },
  Organization: { color: '#8b5cf6', ink: '#6d28d9', shape: 'round-rectangle', size: 32 },
  Agreement: { color: '#f59e0b', ink: '#b45309', shape: 'round-tag', size: 30 },
  Event: { color: '#ef4444', ink: '#b91c1c', shape: 'round-diamond', size: 34 },
  Figure: { color: '#0ea5e9', ink: '#0369a1', shape: 'round-triangle', size: 28 },
};

export const HIGHLIGHT = '#f97316';
export const SELECTED = '#0f172a';

export interface StyleOptions {
  /** Many elements on screen: cheaper edges, labels only when zoomed in. */
  large?: boolean;
}

/** The Cytoscape stylesheet as data. */
export function stylesheet(options: StyleOptions = {}): StylesheetJson {
  const large = options.large ?? false;
  const types = (Object.entries(TYPE_LOOK) as [EntityType, TypeLook][]).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: {
      'background-color': look.color,
      'border-color': look.ink,
      shape: look.shape,
      width: look.size,
      height: look.size,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        // A large view labels only what is zoomed into (class `labelled`), selected or highlighted:
        // measuring thousands of labels would cost more than the layout.
        label: large ? '' : 'data(label)',
        'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
        'font-size': 11,
        'font-weight': 500,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'ellipsis',
        'text-max-width': '130px',
        'text-outline-color': '#ffffff',
        'text-outline-width': large ? 0 : 2,
        'min-zoomed-font-size': large ? 10 : 6,
        'border-width': 1.5,
        'background-opacity': 1,
        'overlay-padding': 4,
      },
    },
    ...types,
    { selector: 'node[?unnamed]', style: { 'background-opacity': 0.55, 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: large
        ? {
            'curve-style': 'haystack',
            'haystack-radius': 0,
            width: 1,
            'line-color': '#94a3b8',
            opacity: 0.7,
            label: '',
            'font-size': 9,
            color: '#475569',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
          }
        : {
            'curve-style': 'bezier',
            width: 1.5,
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            label: 'data(label)',
            'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
            'font-size': 9,
            color: '#475569',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            'text-background-shape': 'roundrectangle',
            'min-zoomed-font-size': 7,
          },
    },
    ...(large
      ? [
          { selector: 'node.labelled, node:selected, node.focus, node.hover, node.path, node.endpoint', style: { label: 'data(label)' } },
          { selector: 'edge.labelled, edge:selected, edge.path', style: { label: 'data(label)' } },
        ]
      : []),
    { selector: 'edge[type = "HOLDS_POSITION"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "LOCATED_IN"], edge[type = "PART_OF"]', style: { 'line-style': 'dotted' } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': SELECTED, width: 44, height: 44, 'font-weight': 700, 'font-size': 12 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#0f172a', 'border-style': 'solid', 'outline-width': 2, 'outline-color': '#facc15', 'outline-offset': 2 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': HIGHLIGHT, 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, color: '#9a3412', 'font-weight': 700, opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.18, 'text-opacity': 0.35 } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': HIGHLIGHT, opacity: 1, 'text-opacity': 1, 'font-weight': 700, 'z-index': 10 } },
    { selector: 'edge.path', style: { width: 5, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, opacity: 1, 'text-opacity': 1, color: '#9a3412', 'font-weight': 700, 'z-index': 10 } },
    { selector: 'node.endpoint', style: { 'border-width': 6, 'border-color': '#0f172a', 'outline-width': 3, 'outline-color': HIGHLIGHT } },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': HIGHLIGHT } },
    { selector: 'node.new', style: { 'outline-width': 3, 'outline-color': '#22d3ee', 'outline-opacity': 0.8 } },
  ];
}
