package org.mtpj.train.basis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists every scalar basis function of a level (mtp-spec.md §4.1): each contraction multigraph
 * with vertex degree = rank, no self-loops, counted once up to relabelling of identical tensors,
 * sorted by the key of §4.2 ({@link ContractionGraph#compareTo}).
 */
public final class GraphEnumerator {
    private GraphEnumerator() {}

    public static List<ContractionGraph> enumerate(BasisRules rules) {
        List<int[]> labels = new ArrayList<>(); // (μ, ν) sorted by μ then ν
        for (int mu = 0; mu <= rules.maxMu(); mu++)
            for (int nu = 0; nu <= rules.maxRank(); nu++)
                if (BasisRules.tensorLevel(mu, nu) <= rules.level()) labels.add(new int[] {mu, nu});
        List<ContractionGraph> out = new ArrayList<>();
        for (int n = 1; n <= rules.maxTensors(); n++)
            chooseLabels(labels, rules.level(), n, 0, 0, new int[n], out);
        Collections.sort(out);
        return out;
    }

    /** Non-decreasing label sequences of length n with total level ≤ maxLevel. */
    private static void chooseLabels(List<int[]> labels, int maxLevel, int n, int k, int start, int[] chosen,
                                     List<ContractionGraph> out) {
        if (k == n) {
            int[] mu = new int[n], nu = new int[n];
            for (int i = 0; i < n; i++) { mu[i] = labels.get(chosen[i])[0]; nu[i] = labels.get(chosen[i])[1]; }
            int sum = 0;
            for (int x : nu) sum += x;
            if (sum % 2 != 0) return; // every contraction uses two indices
            int[] rem = nu.clone();
            assignEdges(mu, nu, rem, new int[ContractionGraph.pairCount(n)], 0, out);
            return;
        }
        int used = 0;
        for (int i = 0; i < k; i++) used += level(labels.get(chosen[i]));
        for (int i = start; i < labels.size(); i++) {
            // the remaining n−k tensors come at or after this label in (μ, ν) order, so each has
            // at least this one's μ; the cheapest continuation repeats M_{μ,0}
            if (used + level(labels.get(i)) + (n - k - 1) * BasisRules.tensorLevel(labels.get(i)[0], 0) > maxLevel) continue;
            chosen[k] = i;
            chooseLabels(labels, maxLevel, n, k + 1, i, chosen, out);
        }
    }

    private static int level(int[] label) { return BasisRules.tensorLevel(label[0], label[1]); }

    private static void assignEdges(int[] mu, int[] nu, int[] rem, int[] edges, int pair, List<ContractionGraph> out) {
        int n = mu.length;
        if (pair == edges.length) {
            for (int r : rem) if (r != 0) return;
            ContractionGraph g = new ContractionGraph(mu, nu, edges);
            if (g.isCanonical()) out.add(g);
            return;
        }
        int a = 0, b;
        // decode pair index → (a, b)
        int p = pair;
        while (p >= n - 1 - a) { p -= n - 1 - a; a++; }
        b = a + 1 + p;
        boolean lastOfA = b == n - 1; // no later pair touches a, so a must be saturated here
        int max = Math.min(rem[a], rem[b]);
        int min = lastOfA ? rem[a] : 0;
        for (int e = min; e <= max; e++) {
            edges[pair] = e;
            rem[a] -= e;
            rem[b] -= e;
            assignEdges(mu, nu, rem, edges, pair + 1, out);
            rem[a] += e;
            rem[b] += e;
        }
        edges[pair] = 0;
    }
}
