package org.mtpj.train.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BFGS on synthetic problems. */
class BfgsTest {
    @Test
    void minimisesRosenbrock() {
        Objective rosen = (x, g) -> {
            double a = 1 - x[0], b = x[1] - x[0] * x[0];
            if (g != null) {
                g[0] = -2 * a - 400 * x[0] * b;
                g[1] = 200 * b;
            }
            return a * a + 100 * b * b;
        };
        Bfgs opt = new Bfgs(rosen, new double[] {-1.2, 1.0});
        int it = opt.run(500, null);
        assertTrue(it < 200, "iterations " + it);
        assertEquals(1.0, opt.point()[0], 1e-5);
        assertEquals(1.0, opt.point()[1], 1e-5);
    }

    @Test
    void badlyScaledQuadraticConverges() {
        double[] scale = {1e-4, 1, 1e3, 10, 0.1};
        Objective q = (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - (i + 1);
                f += scale[i] * d * d;
                if (g != null) g[i] = 2 * scale[i] * d;
            }
            return f;
        };
        Bfgs opt = new Bfgs(q, new double[5]);
        opt.maxStep(1e9).limitAll(true).run(200, null);
        assertTrue(opt.value() < 1e-10, "f = " + opt.value());
    }

    @Test
    void stepLimitShortensLongSteps() {
        Objective lin = (x, g) -> {
            if (g != null) g[0] = 2 * (x[0] - 100);
            return (x[0] - 100) * (x[0] - 100);
        };
        Bfgs opt = new Bfgs(lin, new double[] {0}).limitAll(true);
        opt.step();
        assertTrue(Math.abs(opt.point()[0]) <= 0.5 + 1e-12, "moved " + opt.point()[0]);
    }
}
