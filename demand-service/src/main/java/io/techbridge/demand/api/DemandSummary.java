package io.techbridge.demand.api;

import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.domain.TransferMode;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.Demand;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The anonymised summary of a confidential (BROKERS_ONLY) demand, for those who may not read it:
 * enough to tell whether it fits, under a generic title, without the problem, indicators,
 * keywords, enterprise, organisation, challenge details or contact.
 */
public record DemandSummary(
        UUID id,
        String title,
        String fieldCode,
        String regionCode,
        Integer minTrl,
        MoneyRange budget,
        List<TransferMode> cooperationModes,
        DemandStatus status,
        LocalDate validUntil,
        boolean hasChallenge,
        Confidentiality confidentiality) implements DemandView {

    public static DemandSummary of(Demand d) {
        return new DemandSummary(d.id, genericTitle(d.fieldCode), d.fieldCode, d.regionCode,
                d.minTrl == null ? null : d.minTrl.intValue(),
                new MoneyRange(d.budgetMinCny, d.budgetMaxCny, d.budgetNegotiable), List.copyOf(d.cooperationModes),
                d.status, d.validUntil, d.hasChallenge(), d.confidentiality);
    }

    /** 保密需求（先进制造与自动化）: names the field only. */
    static String genericTitle(String fieldCode) {
        return "保密需求（" + TechnicalField.byCode(fieldCode).map(TechnicalField::nameZh).orElse(fieldCode) + "）";
    }
}
