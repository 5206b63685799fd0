package io.techbridge.demand.persistence;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;

/** A milestone of an application, as stored (jsonb). */
public record PlannedMilestone(String title, @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate due) {
}
