/**
 * Where the map's markers go: supercluster's clusters, then any features whose 44 px targets would still
 * overlap merged into one group, so no two targets on screen ever overlap (WCAG 2.5.8).
 */

/** A station's properties in the cluster index. */
export type PointProps = { id: string; label: string };

/** Every marker is a 44×44 px target; two targets on screen never overlap and keep this gap (px). */
export const MARKER_SIZE = 44;
const MARKER_GAP = 4;
export const PIN_ANCHOR_Y = 36;

/**
 * One marker of a layout: a station on its own, or a group (a supercluster cluster, or features whose
 * targets would overlap, merged). `x`/`y` are pixel coordinates at the layout's zoom (`map.project`).
 */
export interface LayoutItem {
  key: string;
  x: number;
  y: number;
  count: number;
  /** Set when the item is one station. */
  station?: PointProps;
  clusterIds: number[];
  stationIds: string[];
}

/** The 44px target of an item at its pixel position: pins hang above their point, groups are centred on it. */
export function targetBox(item: LayoutItem): { left: number; top: number; right: number; bottom: number } {
  const top = item.station ? item.y - PIN_ANCHOR_Y : item.y - MARKER_SIZE / 2;
  return { left: item.x - MARKER_SIZE / 2, top, right: item.x + MARKER_SIZE / 2, bottom: top + MARKER_SIZE };
}

/** Merges every set of items whose targets overlap (or come closer than MARKER_GAP); returns `items` itself when none do. */
export function mergeOverlapping(items: LayoutItem[]): LayoutItem[] {
  const boxes = items.map(targetBox);
  const order = items.map((_, i) => i).sort((a, b) => boxes[a]!.left - boxes[b]!.left);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let merged = false;
  for (let a = 0; a < order.length; a++) {
    const i = order[a]!;
    const bi = boxes[i]!;
    for (let b = a + 1; b < order.length; b++) {
      const j = order[b]!;
      const bj = boxes[j]!;
      if (bj.left >= bi.right + MARKER_GAP) break;
      if (bj.top < bi.bottom + MARKER_GAP && bi.top < bj.bottom + MARKER_GAP) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) {
          parent[rj] = ri;
          merged = true;
        }
      }
    }
  }
  if (!merged) return items;
  const groups = new Map<number, LayoutItem[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    const count = group.reduce((sum, item) => sum + item.count, 0);
    return {
      key: group
        .map((item) => item.key)
        .sort()
        .join('+'),
      x: group.reduce((sum, item) => sum + item.x * item.count, 0) / count,
      y: group.reduce((sum, item) => sum + item.y * item.count, 0) / count,
      count,
      clusterIds: group.flatMap((item) => item.clusterIds),
      stationIds: group.flatMap((item) => item.stationIds),
    };
  });
}

/** Supercluster's abbreviation of a count (1.2k, 15k), for merged groups too. */
export function abbreviate(count: number): string {
  return String(count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${Math.round(count / 100) / 10}k` : count);
}
