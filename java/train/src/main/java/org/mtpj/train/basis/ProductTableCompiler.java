package org.mtpj.train.basis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles contraction graphs into one shared product table (mtp-spec.md §3.5, §4.1).
 *
 * <p>Every intermediate is the contraction of a subset of a function's tensors. Its free indices
 * are the leftover indices of each member tensor; the leftovers of one tensor are symmetric among
 * themselves, so an intermediate is stored with one symmetric group per member tensor that still
 * has free indices: Π (f+1)(f+2)/2 slots, indexed by one exponent triple per group (the general
 * "all index combinations" storage restricted to the symmetry that really holds). Such partially
 * symmetric storage is exact for any contraction order, so no order is needed for correctness;
 * the order (binary split of each subset) is chosen by a small dynamic programme that minimises
 * new product entries, counting intermediates that already exist (shared between functions,
 * identified by their canonical subgraph) as free.
 *
 * <p>Contracting intermediates X and Y over links l (c_l index pairs between a group of X and a
 * group of Y): result[f] = Σ_{t_l, |t_l| = c_l} Π_l c_l!/(t_l,x! t_l,y! t_l,z!) · X[f_X + Σ t] ·
 * Y[f_Y + Σ t], because a symmetric group's value depends only on the exponent counts of its
 * indices and c_l contracted pairs take the counts t_l in multinomially many ways.
 */
final class ProductTableCompiler {
    private final BasicMomentList basics;
    private final Map<String, Intermediate> committed = new HashMap<>();
    private final List<int[]> products = new ArrayList<>();
    private int nextSlot;

    ProductTableCompiler(BasicMomentList basics) {
        this.basics = basics;
        this.nextSlot = basics.count();
    }

    /** Adds what the scalar function g needs to the table; returns its slot. */
    int compile(ContractionGraph g) {
        if (!g.isScalar()) throw new IllegalArgumentException("not a scalar function: " + g);
        Intermediate root = commit(new FunctionContext(g), (1 << g.size()) - 1);
        return root.firstSlot;
    }

    int slotCount() { return nextSlot; }

    int[][] products() { return products.toArray(new int[0][]); }

    /** A stored tensor: slots firstSlot .. firstSlot+count−1, one symmetric group per vertex with free indices. */
    private static final class Intermediate {
        final int firstSlot;
        final int[] groupSize;     // per group, in canonical vertex order
        final int[] groupPosition; // canonical vertex position of each group
        final int[] stride;        // group 0 varies slowest
        final int count;

        Intermediate(int firstSlot, ContractionGraph canonical) {
            this.firstSlot = firstSlot;
            List<Integer> pos = new ArrayList<>();
            for (int c = 0; c < canonical.size(); c++) if (canonical.free(c) > 0) pos.add(c);
            groupPosition = pos.stream().mapToInt(Integer::intValue).toArray();
            groupSize = new int[groupPosition.length];
            stride = new int[groupPosition.length];
            int n = 1;
            for (int gi = groupPosition.length - 1; gi >= 0; gi--) {
                groupSize[gi] = canonical.free(groupPosition[gi]);
                stride[gi] = n;
                n *= Components.count(groupSize[gi]);
            }
            count = n;
        }
    }

    /** The subsets of one function graph: their canonical forms and vertex maps, computed once. */
    private static final class FunctionContext {
        final ContractionGraph g;
        final Node[] nodes;
        final double[] cost;
        final int[] bestSplit;

        FunctionContext(ContractionGraph g) {
            this.g = g;
            int full = 1 << g.size();
            nodes = new Node[full];
            cost = new double[full];
            bestSplit = new int[full];
            java.util.Arrays.fill(cost, -1);
        }

        Node node(int mask) {
            if (nodes[mask] == null) nodes[mask] = new Node(g, mask);
            return nodes[mask];
        }
    }

    /** A subset of a function's vertices seen as an intermediate. */
    private static final class Node {
        final ContractionGraph canonical;
        final String key;
        final int[] vertexAt; // canonical position → vertex of the function graph
        final int resultCount;

        Node(ContractionGraph g, int mask) {
            ContractionGraph.Canonical c = g.induced(mask).canonical();
            canonical = c.graph();
            key = canonical.key();
            int[] local = new int[Integer.bitCount(mask)];
            for (int v = 0, k = 0; v < g.size(); v++) if ((mask & (1 << v)) != 0) local[k++] = v;
            vertexAt = new int[local.length];
            for (int p = 0; p < local.length; p++) vertexAt[p] = local[c.perm()[p]];
            int n = 1;
            for (int p = 0; p < canonical.size(); p++) n *= Components.count(canonical.free(p));
            resultCount = n;
        }
    }

    /** Estimated new entries to build mask (0 if it exists), minimised over binary splits. */
    private double cost(FunctionContext ctx, int mask) {
        if (Integer.bitCount(mask) == 1) return 0;
        if (ctx.cost[mask] >= 0) return ctx.cost[mask];
        Node node = ctx.node(mask);
        if (committed.containsKey(node.key)) return ctx.cost[mask] = 0;
        int low = Integer.lowestOneBit(mask);
        double best = Double.POSITIVE_INFINITY;
        int bestSub = 0;
        for (int sub = (mask - 1) & mask; sub > 0; sub = (sub - 1) & mask) {
            if ((sub & low) == 0) continue; // each unordered split once
            int other = mask ^ sub;
            double terms = node.resultCount;
            for (int a = 0; a < ctx.g.size(); a++) {
                if ((sub & (1 << a)) == 0) continue;
                for (int b = 0; b < ctx.g.size(); b++)
                    if ((other & (1 << b)) != 0) terms *= Components.count(ctx.g.edge(a, b));
            }
            double c = terms + node.resultCount + cost(ctx, sub) + cost(ctx, other);
            if (c < best) { best = c; bestSub = sub; }
        }
        ctx.bestSplit[mask] = bestSub;
        return ctx.cost[mask] = best;
    }

    private Intermediate commit(FunctionContext ctx, int mask) {
        Node node = ctx.node(mask);
        Intermediate have = committed.get(node.key);
        if (have != null) return have;
        if (Integer.bitCount(mask) == 1) {
            Intermediate basic = new Intermediate(basics.offset(node.canonical.mu(0), node.canonical.nu(0)), node.canonical);
            committed.put(node.key, basic);
            return basic;
        }
        cost(ctx, mask);
        int s1 = ctx.bestSplit[mask], s2 = mask ^ s1;
        Intermediate x = commit(ctx, s1), y = commit(ctx, s2);
        Intermediate out = new Intermediate(nextSlot, node.canonical);
        nextSlot += out.count;
        emitContraction(ctx.g, node, out, ctx.node(s1), x, ctx.node(s2), y, s1, s2);
        committed.put(node.key, out);
        return out;
    }

    private void emitContraction(ContractionGraph g, Node node, Intermediate out, Node nx, Intermediate x,
                                 Node ny, Intermediate y, int s1, int s2) {
        int n = g.size();
        // links between the two parts
        List<int[]> links = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if ((s1 & (1 << a)) == 0) continue;
            for (int b = 0; b < n; b++)
                if ((s2 & (1 << b)) != 0 && g.edge(a, b) > 0) links.add(new int[] {a, b, g.edge(a, b)});
        }
        int[][][] linkComponents = new int[links.size()][][];
        long[][] linkMult = new long[links.size()][];
        for (int l = 0; l < links.size(); l++) {
            int c = links.get(l)[2];
            linkComponents[l] = Components.triples(c);
            linkMult[l] = new long[linkComponents[l].length];
            for (int t = 0; t < linkComponents[l].length; t++) {
                int[] e = linkComponents[l][t];
                linkMult[l][t] = Components.multinomial(e[0], e[1], e[2]);
            }
        }
        int[] xVertex = groupVertices(nx, x), yVertex = groupVertices(ny, y), outVertex = groupVertices(node, out);
        int[][] exps = new int[n][3];
        int[] counter = new int[links.size()];
        for (int r = 0; r < out.count; r++) {
            Map<Long, Long> terms = new LinkedHashMap<>();
            for (int[] e : exps) java.util.Arrays.fill(e, 0);
            setFree(out, outVertex, r, exps);
            java.util.Arrays.fill(counter, 0);
            while (true) {
                long m = 1;
                int[][] t = new int[n][];
                for (int v = 0; v < n; v++) t[v] = exps[v].clone();
                for (int l = 0; l < links.size(); l++) {
                    int[] e = linkComponents[l][counter[l]];
                    int a = links.get(l)[0], b = links.get(l)[1];
                    for (int d = 0; d < 3; d++) { t[a][d] += e[d]; t[b][d] += e[d]; }
                    m *= linkMult[l][counter[l]];
                }
                int i = slotOf(x, xVertex, t), j = slotOf(y, yVertex, t);
                long pair = ((long) Math.min(i, j) << 32) | Math.max(i, j);
                terms.merge(pair, m, Long::sum);
                int l = 0;
                while (l < counter.length && ++counter[l] == linkComponents[l].length) counter[l++] = 0;
                if (l == counter.length) break;
            }
            int k = out.firstSlot + r;
            for (Map.Entry<Long, Long> e : terms.entrySet()) {
                if (e.getValue() > Integer.MAX_VALUE)
                    throw new IllegalStateException("multiplicity " + e.getValue() + " does not fit an int");
                products.add(new int[] {(int) (e.getKey() >>> 32), (int) (e.getKey() & 0xffffffffL),
                        (int) (long) e.getValue(), k});
            }
        }
    }

    /** Function-graph vertex of each group of an intermediate seen through a node. */
    private static int[] groupVertices(Node node, Intermediate inter) {
        int[] v = new int[inter.groupPosition.length];
        for (int gi = 0; gi < v.length; gi++) v[gi] = node.vertexAt[inter.groupPosition[gi]];
        return v;
    }

    /** Writes the exponent triple of each group of component r into exps[vertex]. */
    private static void setFree(Intermediate inter, int[] groupVertex, int r, int[][] exps) {
        for (int gi = 0; gi < inter.groupSize.length; gi++) {
            int c = (r / inter.stride[gi]) % Components.count(inter.groupSize[gi]);
            int[] e = Components.triples(inter.groupSize[gi])[c];
            System.arraycopy(e, 0, exps[groupVertex[gi]], 0, 3);
        }
    }

    private static int slotOf(Intermediate inter, int[] groupVertex, int[][] exps) {
        int idx = 0;
        for (int gi = 0; gi < inter.groupSize.length; gi++) {
            int[] e = exps[groupVertex[gi]];
            if (e[0] + e[1] + e[2] != inter.groupSize[gi]) throw new IllegalStateException("index bookkeeping broken");
            idx += Components.index(inter.groupSize[gi], e[0], e[1]) * inter.stride[gi];
        }
        return inter.firstSlot + idx;
    }
}
