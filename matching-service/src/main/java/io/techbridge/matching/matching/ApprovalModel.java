package io.techbridge.matching.matching;

import java.util.List;

/**
 * The probability that a broker approves a pair: a logistic model over the pair's factors,
 * {@code p = σ(intercept + Σ coefficient × (value − neutral))}. The text factors (semantic
 * similarity, content-word coverage) and the field fit are fitted on labelled pairs
 * ({@code matching-service/evaluate --fit}); the other structured factors carry prior
 * coefficients and are centred on their "not stated" value, so a listing that states nothing
 * neither gains nor loses. Broker decisions then move the weights per field and recalibrate the
 * field's log-odds ({@link Recalibration}).
 */
public record ApprovalModel(double intercept, double[] coefficients) {

    /** Factor values that add nothing: what a factor is when neither side states it. */
    /** The factors fitted on labelled pairs come first: semantic, lexical, field. */
    static final int FITTED = 3;

    public static final double[] NEUTRAL = {0, 0, 0, 0.8, 0.6, 0.6, 0.5, 1.0};

    public ApprovalModel {
        if (coefficients.length != FactorWeights.FACTORS.size()) {
            throw new IllegalArgumentException("one coefficient per factor: " + FactorWeights.FACTORS);
        }
    }

    /** Log-odds of approval for factor values in the order of {@link FactorWeights#FACTORS}. */
    public double logit(double[] values, double[] scale) {
        double z = intercept;
        for (int i = 0; i < values.length; i++) {
            z += coefficients[i] * scale[i] * (values[i] - NEUTRAL[i]);
        }
        return z;
    }

    /** The log-odds the structured priors add (maturity, modes, budget, region, freshness). */
    public double priors(double[] values, double[] scale) {
        double z = 0;
        for (int i = FITTED; i < values.length; i++) {
            z += coefficients[i] * scale[i] * (values[i] - NEUTRAL[i]);
        }
        return z;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * How a field's decisions shift the model: {@code z' = shift + slope × z}, identity until a
     * field has enough decisions (Platt scaling on the broker's approvals and rejections).
     */
    public record Recalibration(double shift, double slope) {
        public static final Recalibration IDENTITY = new Recalibration(0, 1);

        public double apply(double z) {
            return shift + slope * z;
        }

        public boolean isIdentity() {
            return shift == 0 && slope == 1;
        }
    }

    /**
     * Fits a logistic regression by Newton's method with an L2 penalty pulling each parameter
     * towards its prior: rows of features, labels 0/1, a fixed offset per row (log-odds the fit
     * does not touch), {@code prior[0]} the intercept's prior. Returns the intercept followed by
     * the coefficients.
     */
    public static double[] fit(List<double[]> rows, List<Boolean> labels, List<Double> offsets, double[] prior,
            double penalty) {
        int k = prior.length;
        double[] beta = prior.clone();
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int r = 0; r < rows.size(); r++) {
                double[] x = withBias(rows.get(r));
                double z = offsets.get(r);
                for (int j = 0; j < k; j++) {
                    z += beta[j] * x[j];
                }
                double p = sigmoid(z);
                double y = labels.get(r) ? 1 : 0;
                double w = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j < k; j++) {
                    gradient[j] += (y - p) * x[j];
                    for (int l = 0; l < k; l++) {
                        hessian[j][l] += w * x[j] * x[l];
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                gradient[j] -= penalty * (beta[j] - prior[j]);
                hessian[j][j] += penalty;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < k; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    private static double[] withBias(double[] x) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        System.arraycopy(x, 0, row, 1, x.length);
        return row;
    }

    /** Gaussian elimination with partial pivoting; the systems here are at most 9 × 9. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[c][c]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
