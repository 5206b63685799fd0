package io.techbridge.matching.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalModelTest {

    @Test
    void fittingRecoversTheCoefficientsThatGeneratedTheDecisions() {
        Random random = new Random(7);
        double[] truth = {-4, 3, 6};
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double[] x = {random.nextDouble(), random.nextDouble()};
            double p = ApprovalModel.sigmoid(truth[0] + truth[1] * x[0] + truth[2] * x[1]);
            rows.add(x);
            labels.add(random.nextDouble() < p);
            offsets.add(0.0);
        }
        double[] fitted = ApprovalModel.fit(rows, labels, offsets, new double[3], 0.01);
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], fitted[i], 0.3, "parameter " + i);
        }
    }

    @Test
    void aScoreIsTheShareOfSuchPairsThatAreApproved() {
        // Pairs the model gives 70 %: about 70 % of them approved, as the broker sees the score.
        ApprovalModel model = new ApprovalModel(-2, new double[]{4, 0, 0, 0, 0, 0, 0, 0});
        double[] values = {0.7118, 0, 0, 0.8, 0.6, 0.6, 0.5, 1.0};
        double[] scale = {1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(0.70, ApprovalModel.sigmoid(model.logit(values, scale)), 0.005);
    }

    @Test
    void factorsNeitherSideStatesLeaveTheScoreAlone() {
        ApprovalModel model = new ApprovalModel(-1, new double[]{2, 3, 1, 2, 1, 1, 0.5, 1});
        double[] scale = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] unstated = {0.5, 0.5, 1, 0.8, 0.6, 0.6, 0.5, 1.0};
        double[] belowMaturity = unstated.clone();
        belowMaturity[3] = 0.5;
        assertEquals(-1 + 2 * 0.5 + 3 * 0.5 + 1, model.logit(unstated, scale), 1e-9);
        assertTrue(model.logit(belowMaturity, scale) < model.logit(unstated, scale), "a maturity short of the wish lowers it");
    }

    @Test
    void recalibrationShiftsAndScalesTheLogOdds() {
        ApprovalModel.Recalibration r = new ApprovalModel.Recalibration(-0.5, 0.8);
        assertEquals(-0.5 + 0.8 * 2, r.apply(2), 1e-12);
        assertTrue(ApprovalModel.Recalibration.IDENTITY.isIdentity());
    }
}
