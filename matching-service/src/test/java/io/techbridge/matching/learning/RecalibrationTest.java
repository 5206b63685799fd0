package io.techbridge.matching.learning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecalibrationTest {

    @Test
    void aFieldWithoutEnoughDecisionsKeepsTheModelAsItIs() {
        List<Recalibration.Decision> few = List.of(new Recalibration.Decision(0.6, false),
                new Recalibration.Decision(0.7, false), new Recalibration.Decision(0.8, true));
        Recalibration.Result result = Recalibration.fit(few, 0.4, 20);
        assertTrue(result.recalibration().isIdentity());
        assertEquals(3, result.proposalsBefore());
        assertEquals(result.precisionBefore(), result.precisionAfter());
    }

    @Test
    void brokersRejectingMostOfTheMiddleScoresRaiseTheBarAndProposalPrecisionWithIt() {
        // In this field brokers approve pairs above 0.8 and reject those between 0.4 and 0.7.
        List<Recalibration.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double score = 0.4 + 0.02 * (i % 15);
            decisions.add(new Recalibration.Decision(score, false));
            decisions.add(new Recalibration.Decision(0.82 + 0.005 * (i % 30), true));
        }
        Recalibration.Result result = Recalibration.fit(decisions, 0.4, 20);
        assertTrue(!result.recalibration().isIdentity(), "refitted on 60 decisions");
        assertEquals(0.5, result.precisionBefore(), 1e-9, "before: every decided pair was proposed, half approved");
        assertTrue(result.precisionAfter() > 0.9, "after: the middle scores fall below the threshold: " + result);
        assertTrue(result.proposalsAfter() < result.proposalsBefore());
    }

    @Test
    void noDecisionNoPrecision() {
        Recalibration.Result result = Recalibration.fit(List.of(), 0.4, 20);
        assertNull(result.precisionBefore());
        assertEquals(0, result.decisions());
    }
}
