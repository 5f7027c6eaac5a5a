package org.mtpj.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Mat3 against hand-computed matrices (integers, so every expected value is exact). */
class Mat3Test {
    // det = 2·(3·4 − 0·1) − 1·(0·4 − 0·1) + 1·(0·1 − 3·1) = 24 − 0 − 3 = 21
    private static final double[][] A = {{2, 1, 1}, {0, 3, 0}, {1, 1, 4}};

    @Test
    void determinantOfAHandExpandedMatrix() {
        assertEquals(21.0, Mat3.determinant(A), 0.0);
        assertEquals(-21.0, Mat3.determinant(new double[][] {A[1], A[0], A[2]}), 0.0, "a row swap flips the sign");
        assertEquals(0.0, Mat3.determinant(new double[][] {{1, 2, 3}, {2, 4, 6}, {0, 0, 1}}), 0.0);
    }

    @Test
    void inverseIsTheAdjugateOverTheDeterminant() {
        // adjugate of A worked by hand (cofactors transposed)
        double[][] adj = {{12, -3, -3}, {0, 7, 0}, {-3, -1, 6}};
        double[][] inv = Mat3.inverse(A);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) assertEquals(adj[i][j] / 21.0, inv[i][j], 1e-15, "inv[" + i + "][" + j + "]");
        double[][] id = Mat3.multiply(A, inv);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) assertEquals(i == j ? 1.0 : 0.0, id[i][j], 1e-15);
    }

    @Test
    void singularMatrixGivesNonFiniteEntries() {
        double[][] inv = Mat3.inverse(new double[][] {{1, 0, 0}, {0, 0, 0}, {0, 0, 1}});
        assertFalse(Double.isFinite(inv[0][0]));
    }

    @Test
    void multiplyTransposeAndRowVector() {
        double[][] b = {{1, 0, 2}, {0, 1, 0}, {1, 0, 0}};
        assertArrayEquals(new double[][] {{3, 1, 4}, {0, 3, 0}, {5, 1, 2}}, Mat3.multiply(A, b));
        assertArrayEquals(new double[][] {{2, 0, 1}, {1, 3, 1}, {1, 0, 4}}, Mat3.transpose(A));
        assertArrayEquals(new double[] {4, 6, 9}, Mat3.rowTimes(new double[] {1, 1, 2}, A));
    }
}
