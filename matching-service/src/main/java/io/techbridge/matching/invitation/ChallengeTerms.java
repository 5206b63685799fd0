package io.techbridge.matching.invitation;

import java.time.LocalDate;

/**
 * A challenge demand's terms as matching knows them from its newest applied event.
 *
 * @param applicationDeadline last day to apply (Asia/Shanghai); null once the demand is no challenge any more
 * @param bountyCny           the bounty offered, CNY
 */
public record ChallengeTerms(String demandId, long version, LocalDate applicationDeadline, Long bountyCny) {
}
