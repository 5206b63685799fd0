package io.techbridge.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A demand as one caller may see it: the full {@link DemandResponse} (without the contact for
 * those who may not see it), or for a confidential demand the anonymised {@link DemandSummary}.
 * {@link DemandViews} decides which.
 */
@Schema(oneOf = {DemandResponse.class, DemandSummary.class})
public sealed interface DemandView permits DemandResponse, DemandSummary {
}
