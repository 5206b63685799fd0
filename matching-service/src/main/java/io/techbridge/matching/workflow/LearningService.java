package io.techbridge.matching.workflow;

import io.techbridge.matching.learning.LearnedWeights;
import io.techbridge.matching.learning.LearningReport;
import io.techbridge.matching.learning.LearningRule;
import io.techbridge.matching.learning.Recalibration;
import io.techbridge.matching.learning.WeightStore;
import io.techbridge.matching.domain.ListingType;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.matching.Factor;
import io.techbridge.matching.matching.FactorWeights;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.persistence.ProposalTasks;
import io.techbridge.matching.domain.ReasonCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Broker decisions feed the matcher: each approval or rejection moves the factor weights of the
 * pair's top-level field ({@link LearningRule}) in the decision's own transaction, records every
 * move with its cause, and once it committed queues the decided demand (and a few other open
 * demands of the field) so their proposals are recomputed with the new weights. Decided pairs keep their decision, so a
 * rejected pair never comes back.
 */
@ApplicationScoped
public class LearningService {

    private final MatchingConfig.Learning config;
    private final double threshold;
    private final LearningRule rule;
    private final WeightStore store;
    private final MatchPairRepository pairs;
    private final MatchViews views;
    private final ProposalTasks tasks;
    private final Event<LearnedWeights.Changed> changed;
    private final Event<ProposalTasks.Queued> queued;
    private final LearnedWeights weights;

    public LearningService(MatchingConfig config, WeightStore store, MatchPairRepository pairs, MatchViews views,
            ProposalTasks tasks, Event<LearnedWeights.Changed> changed, Event<ProposalTasks.Queued> queued,
            LearnedWeights weights) {
        this.config = config.learning();
        this.threshold = config.proposalThreshold();
        this.rule = new LearningRule(FactorWeights.defaults(config), config.learning());
        this.store = store;
        this.pairs = pairs;
        this.views = views;
        this.tasks = tasks;
        this.changed = changed;
        this.queued = queued;
        this.weights = weights;
    }

    /** Created at start, so a wrong learning setting stops the service at once (see {@link LearningRule}). */
    void onStart(@Observes io.quarkus.runtime.StartupEvent event) {
        // the constructor checked the settings
    }

    /**
     * Learns from a broker's decision on a proposal, in the decision's transaction. The factor values
     * are those of the pair's explanation as the broker saw it; an approval compares them with the
     * demand's other pairs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(MatchPair pair, boolean approved, ReasonCode reason, String actor) {
        String field = TechnicalField.topLevel(pair.fieldCode);
        if (!config.enabled() || field == null) {
            return;
        }
        Set<String> raised;
        double rate;
        String cause;
        if (approved) {
            List<Map<String, Double>> others = pairs.list("demandId = ?1 and id <> ?2", pair.demandId, pair.id).stream()
                    .map(this::values).toList();
            raised = rule.standingOut(values(pair), others);
            rate = config.approvalRate();
            cause = "approved, stood out on " + String.join(", ", raised);
        } else {
            raised = LearningRule.factorsOf(reason);
            rate = config.rate();
            cause = "rejected " + reason;
        }
        if (raised.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        FactorWeights current = store.lockField(field, rule.defaults(), now);
        LearningRule.Outcome outcome = rule.raise(current, raised, rate);
        if (!outcome.moved()) {
            return;
        }
        List<WeightStore.StoredMove> moves = outcome.moves().stream()
                .map(m -> new WeightStore.StoredMove(field, m.factor(), m.from(), m.to(),
                        raised.contains(m.factor()) ? cause : cause + ", rescaled", pair.id, actor, now))
                .toList();
        store.save(field, outcome.weights(), moves, now);
        changed.fire(new LearnedWeights.Changed(field, pair.demandId));
    }

    /**
     * Once the decision committed, the decided demand's other proposals, and those of a few more open
     * demands of the field, are queued to follow the new weights. Not in the decision's transaction:
     * it holds a pair of the demand that a worker recomputing the demand waits for while holding the
     * demand's task, so queueing there could deadlock.
     */
    void requeue(@Observes(during = TransactionPhase.AFTER_SUCCESS) LearnedWeights.Changed changed) {
        List<WeightStore.QueuedDemand> demands = QuarkusTransaction.requiringNew().call(() -> {
            List<WeightStore.QueuedDemand> all = new ArrayList<>();
            store.demandVersion(changed.demandId())
                    .ifPresent(v -> all.add(new WeightStore.QueuedDemand(changed.demandId(), v)));
            all.addAll(store.demandsWithProposals(changed.fieldCode(), changed.demandId(), config.requeueDemands()));
            return all;
        });
        // One transaction per task: many upserts held in one transaction deadlocked with the ingestion's,
        // which queue the same proposal_task rows in another order (seen under load).
        for (WeightStore.QueuedDemand demand : demands) {
            QuarkusTransaction.requiringNew().run(() -> {
                tasks.enqueue(ListingType.DEMAND, demand.demandId(), demand.version());
                queued.fire(new ProposalTasks.Queued());
            });
        }
    }

    private Map<String, Double> values(MatchPair pair) {
        Explanation explanation = views.explanation(pair);
        Map<String, Double> values = new HashMap<>();
        if (explanation != null && explanation.factors() != null) {
            for (Factor factor : explanation.factors()) {
                values.put(factor.name(), factor.value());
            }
        }
        return values;
    }

    /** Every top-level field of the taxonomy with its decisions, weights and latest moves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LearningReport> report() {
        Map<String, FactorWeights> learned = store.loadAll();
        Map<String, List<WeightStore.StoredMove>> history = store.history(config.historyShown());
        Map<String, List<WeightStore.DecisionCount>> decisions = store.decisions().stream()
                .collect(Collectors.groupingBy(WeightStore.DecisionCount::fieldCode));
        Map<String, Double> defaults = rounded(weights.defaults());
        Map<String, List<Recalibration.Decision>> decided = store.decidedScores();
        List<LearningReport> result = new ArrayList<>();
        for (TechnicalField field : TechnicalField.all()) {
            if (field.code().length() != 2) {
                continue;
            }
            long approved = 0;
            long rejected = 0;
            Map<ReasonCode, Long> byReason = new EnumMap<>(ReasonCode.class);
            for (ReasonCode reason : ReasonCode.values()) {
                byReason.put(reason, 0L);
            }
            for (WeightStore.DecisionCount count : decisions.getOrDefault(field.code(), List.of())) {
                if ("APPROVED".equals(count.status())) {
                    approved += count.count();
                } else {
                    rejected += count.count();
                    if (count.reasonCode() != null) {
                        byReason.merge(ReasonCode.valueOf(count.reasonCode()), count.count(), Long::sum);
                    }
                }
            }
            long total = approved + rejected;
            Map<String, Long> reasons = new LinkedHashMap<>();
            byReason.forEach((reason, n) -> reasons.put(reason.name(), n));
            FactorWeights fieldWeights = learned.get(field.code());
            boolean used = config.enabled() && fieldWeights != null;
            List<LearningReport.Move> moves = history.getOrDefault(field.code(), List.of()).stream()
                    .map(m -> new LearningReport.Move(m.at(), m.factor(), round(m.from()), round(m.to()), m.cause(),
                            m.matchId(), m.actor()))
                    .toList();
            Recalibration.Result refit = Recalibration.fit(decided.getOrDefault(field.code(), List.of()), threshold,
                    config.minCalibrationDecisions());
            LearningReport.Calibration calibration = new LearningReport.Calibration(
                    config.enabled() && !refit.recalibration().isIdentity(), refit.decisions(),
                    refit.recalibration().shift(), refit.recalibration().slope(), threshold, refit.precisionBefore(),
                    refit.proposalsBefore(), refit.precisionAfter(), refit.proposalsAfter());
            result.add(new LearningReport(field.code(), field.nameZh(), total, approved, rejected,
                    total == 0 ? null : Math.round(approved * 10_000.0 / total) / 10_000.0, reasons, used,
                    used ? rounded(fieldWeights) : defaults, defaults, moves, calibration));
        }
        return result;
    }

    private static Map<String, Double> rounded(FactorWeights weights) {
        Map<String, Double> map = new LinkedHashMap<>();
        weights.asMap().forEach((factor, weight) -> map.put(factor, round(weight)));
        return map;
    }

    /** Six decimals: an approval's rescaling of a small weight shows. */
    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
