package org.mtpj.train.basis;

import java.util.List;

/**
 * A generated moment basis: the tables of an untrained {@code .mtp} file (mtp-spec.md §1.2 item 10)
 * plus the contraction graph of every scalar function, in mapping order.
 *
 * @param radialFunctionCount K
 * @param basic               B rows (μ, p, q, s)
 * @param products            T rows (i, j, m, k): slot[k] += m·slot[i]·slot[j], in order
 * @param mapping             S slots, one per scalar function, in the order of {@code functions}
 * @param momentsCount        M slots (basic + products)
 * @param functions           the contraction graph of each scalar function
 */
public record MomentBasis(BasisRules rules, int radialFunctionCount, int[][] basic, int[][] products, int[] mapping,
                          int momentsCount, List<ContractionGraph> functions) {
    public MomentBasis {
        basic = deepCopy(basic);
        products = deepCopy(products);
        mapping = mapping.clone();
        functions = List.copyOf(functions);
    }

    /** B rows (μ, p, q, s), a fresh copy. */
    @Override
    public int[][] basic() { return deepCopy(basic); }

    /** T rows (i, j, m, k), a fresh copy. */
    @Override
    public int[][] products() { return deepCopy(products); }

    /** S mapped slots, a fresh copy. */
    @Override
    public int[] mapping() { return mapping.clone(); }

    private static int[][] deepCopy(int[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i].clone();
        return out;
    }

    public int basicCount() { return basic.length; }
    public int productCount() { return products.length; }
    public int scalarCount() { return mapping.length; }

    /**
     * All slot values for given basic moment values (length B), evaluating the product table as
     * mtp-spec.md §3.5 does.
     */
    public double[] evaluateSlots(double[] basicValues) {
        double[] slot = new double[momentsCount];
        System.arraycopy(basicValues, 0, slot, 0, basic.length);
        for (int[] t : products) slot[t[3]] += t[2] * slot[t[0]] * slot[t[1]];
        return slot;
    }

    /** The S scalar function values for given basic moment values. */
    public double[] evaluateScalars(double[] basicValues) {
        double[] slot = evaluateSlots(basicValues);
        double[] out = new double[mapping.length];
        for (int s = 0; s < mapping.length; s++) out[s] = slot[mapping[s]];
        return out;
    }
}
