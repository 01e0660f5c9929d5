/**
 * Minimum-cost flow with lexicographic cost vectors, on typed arrays.
 *
 * Costs are small integer vectors compared lexicographically (first component first). Vectors
 * under component-wise addition and lexicographic order form an ordered group, which is all that
 * successive shortest paths with Johnson potentials need; so one solver minimises "people left
 * without a seat" first, then the objective, then the moves from an earlier allocation — exactly,
 * with no big weights that could overflow a float. Every component stays a small integer.
 *
 * The solver routes one unit from each start node to the sink, one start at a time, along a
 * cheapest residual path (Dijkstra on reduced costs, an indexed binary heap, stopping once the sink
 * is settled). As in the Hungarian method, the flow of the first i starts stays optimal when start
 * i + 1 is routed along its cheapest path; so when every start must send its unit (allocation
 * gives every person an edge straight to the sink, "no seat"), the result is a minimum-cost flow.
 * One unit is one person: a few thousand short searches on a sparse graph.
 */
export class MinCostFlow {
  private readonly nodes: number;
  readonly width: number;
  private head: Int32Array;
  private next = new Int32Array(64);
  private to = new Int32Array(64);
  private cap = new Int32Array(64);
  private cost = new Float64Array(64);
  private edges = 0;

  /** `width` is the length of every cost vector. */
  constructor(nodes: number, width: number) {
    this.nodes = nodes;
    this.width = width;
    this.head = new Int32Array(nodes).fill(-1);
    this.cost = new Float64Array(64 * width);
  }

  /** Adds an edge with a capacity and a cost vector (length `width`); returns its id (for `flowOn`). */
  addEdge(from: number, to: number, capacity: number, cost: ArrayLike<number>): number {
    if (cost.length !== this.width) throw new RangeError(`a cost vector has ${this.width} components`);
    const id = this.edges;
    this.push(from, to, capacity, cost, 1);
    this.push(to, from, 0, cost, -1);
    return id;
  }

  /** The flow on an edge `addEdge` returned. */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  private push(from: number, to: number, capacity: number, cost: ArrayLike<number>, sign: 1 | -1): void {
    const id = this.edges;
    if (id >= this.to.length) this.grow();
    this.to[id] = to;
    this.cap[id] = capacity;
    for (let index = 0; index < this.width; index += 1) this.cost[id * this.width + index] = sign * cost[index];
    this.next[id] = this.head[from];
    this.head[from] = id;
    this.edges += 1;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const widen = <T extends Int32Array | Float64Array>(array: T, length: number): T => {
      const bigger = new (array.constructor as new (length: number) => T)(length);
      bigger.set(array);
      return bigger;
    };
    this.next = widen(this.next, size);
    this.to = widen(this.to, size);
    this.cap = widen(this.cap, size);
    this.cost = widen(this.cost, size * this.width);
  }

  /**
   * Routes one unit from each of `starts` (in order) to `sink`; returns how many found a path. The
   * graph given must have no cycle of negative cost (a layered graph, as allocation builds, has none).
   */
  routeEach(starts: readonly number[], sink: number): number {
    const { nodes, width } = this;
    const potential = this.initialPotentials(starts);
    const dist = new Float64Array(nodes * width);
    const reached = new Uint8Array(nodes);
    const done = new Uint8Array(nodes);
    const via = new Int32Array(nodes);
    const heap = new IndexedHeap(nodes, (a, b) => compare(dist, a, dist, b, width));
    const candidate = new Float64Array(width);
    let routed = 0;
    for (const start of starts) {
      reached.fill(0);
      done.fill(0);
      reached[start] = 1;
      dist.fill(0, start * width, start * width + width);
      heap.push(start);
      while (heap.size > 0) {
        const node = heap.pop();
        done[node] = 1;
        // The cheapest path is known once the sink is settled: the rest of the graph can wait.
        if (node === sink) break;
        for (let edge = this.head[node]; edge !== -1; edge = this.next[edge]) {
          if (this.cap[edge] === 0) continue;
          const target = this.to[edge];
          if (done[target]) continue;
          // Reduced cost: cost + potential(node) - potential(target), never negative.
          for (let index = 0; index < width; index += 1) {
            candidate[index] = dist[node * width + index] + this.cost[edge * width + index] + potential[node * width + index] - potential[target * width + index];
          }
          if (reached[target] && compare(candidate, 0, dist, target, width) >= 0) continue;
          dist.set(candidate, target * width);
          via[target] = edge;
          if (reached[target]) heap.decrease(target);
          else {
            reached[target] = 1;
            heap.push(target);
          }
        }
      }
      while (heap.size > 0) heap.pop();
      if (!done[sink]) continue;
      // Settled nodes move by their distance, all others by the sink's: reduced costs stay non-negative.
      for (let node = 0; node < nodes; node += 1) {
        const row = done[node] ? node : sink;
        for (let index = 0; index < width; index += 1) potential[node * width + index] += dist[row * width + index];
      }
      for (let node = sink; node !== start; node = this.to[via[node] ^ 1]) {
        this.cap[via[node]] -= 1;
        this.cap[via[node] ^ 1] += 1;
      }
      routed += 1;
    }
    return routed;
  }

  /** Shortest distances from any of `starts` by Bellman–Ford (costs may be negative before the first route). */
  private initialPotentials(starts: readonly number[]): Float64Array {
    const { nodes, width } = this;
    const potential = new Float64Array(nodes * width);
    const known = new Uint8Array(nodes);
    const queued = new Uint8Array(nodes);
    const queue: number[] = [...starts];
    for (const start of starts) {
      known[start] = 1;
      queued[start] = 1;
    }
    const candidate = new Float64Array(width);
    for (let read = 0; read < queue.length; read += 1) {
      const node = queue[read];
      queued[node] = 0;
      for (let edge = this.head[node]; edge !== -1; edge = this.next[edge]) {
        if (this.cap[edge] === 0) continue;
        const target = this.to[edge];
        for (let index = 0; index < width; index += 1) candidate[index] = potential[node * width + index] + this.cost[edge * width + index];
        if (known[target] && compare(candidate, 0, potential, target, width) >= 0) continue;
        potential.set(candidate, target * width);
        known[target] = 1;
        if (!queued[target]) {
          queued[target] = 1;
          queue.push(target);
        }
      }
    }
    return potential;
  }
}

/** Compares vector `a` (at row `ai`) with vector `b` (at row `bi`) lexicographically. */
function compare(a: Float64Array, ai: number, b: Float64Array, bi: number, width: number): number {
  for (let index = 0; index < width; index += 1) {
    const difference = a[ai * width + index] - b[bi * width + index];
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A binary min-heap of node ids with decrease-key, ordered by `less`. */
class IndexedHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly order: (a: number, b: number) => number,
  ) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  push(node: number): void {
    this.items[this.size] = node;
    this.position[node] = this.size;
    this.size += 1;
    this.up(this.size - 1);
  }

  decrease(node: number): void {
    this.up(this.position[node]);
  }

  pop(): number {
    const top = this.items[0];
    this.size -= 1;
    this.position[top] = -1;
    if (this.size > 0) {
      this.items[0] = this.items[this.size];
      this.position[this.items[0]] = 0;
      this.down(0);
    }
    return top;
  }

  private up(index: number): void {
    const node = this.items[index];
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.order(node, this.items[parent]) >= 0) break;
      this.items[index] = this.items[parent];
      this.position[this.items[index]] = index;
      index = parent;
    }
    this.items[index] = node;
    this.position[node] = index;
  }

  private down(index: number): void {
    const node = this.items[index];
    for (;;) {
      let child = index * 2 + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.order(this.items[child + 1], this.items[child]) < 0) child += 1;
      if (this.order(this.items[child], node) >= 0) break;
      this.items[index] = this.items[child];
      this.position[this.items[index]] = index;
      index = child;
    }
    this.items[index] = node;
    this.position[node] = index;
  }
}
