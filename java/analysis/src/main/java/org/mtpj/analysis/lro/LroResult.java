package org.mtpj.analysis.lro;

import java.util.List;

/**
 * Everything {@code mtpj lro} reports for one structure (or one dump frame): the fit, the order
 * along the requested directions (fractional and Å variants), and the sphere summary.
 *
 * @param input  the input as named on the command line (with "#frame" for dump frames)
 * @param z      atomic number of the tracked species
 * @param atoms  number of tracked atoms
 * @param angstromSphere whether the sphere holds the Å variant
 * @param model  the fitted order, to evaluate further directions (e.g. per pixel of a picture)
 */
public record LroResult(String input, int z, int atoms, int[] dims, List<Direction> directions, double[] order,
                        double[] orderAngstrom, SphereSummary sphere, boolean angstromSphere, LongRangeOrder model) {

    public static LroResult compute(String input, int z, double[][] fractional, double[][] cellRows,
                                    List<Direction> directions, double[][] sphereDirections, boolean angstromSphere) {
        LongRangeOrder lro = new LongRangeOrder(fractional, cellRows);
        double[] o = new double[directions.size()], oa = new double[directions.size()];
        for (int i = 0; i < o.length; i++) {
            Direction d = directions.get(i);
            o[i] = lro.order(d.h(), d.k(), d.l());
            oa[i] = lro.orderAngstrom(d.h(), d.k(), d.l());
        }
        SphereSummary s = SphereSummary.of(sphereDirections, lro.orders(sphereDirections, angstromSphere));
        return new LroResult(input, z, fractional.length, lro.dims(), directions, o, oa, s, angstromSphere, lro);
    }

    public String dimsText() { return dims[0] + " " + dims[1] + " " + dims[2]; }
}
