package io.techbridge.matching.api;

import io.techbridge.matching.workflow.BrokerWorkflowService;
import io.techbridge.matching.domain.ReasonCode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A broker's decision on a proposal: APPROVE, or REJECT with a reason code; {@code version} optional. */
public record DecisionRequest(
        @NotNull BrokerWorkflowService.Decision decision,
        ReasonCode reasonCode,
        @Size(max = 2000) String note,
        @Min(1) Long version) {
}
