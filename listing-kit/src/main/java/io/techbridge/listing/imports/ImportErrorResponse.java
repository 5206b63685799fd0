package io.techbridge.listing.imports;

/** One line of the error report: the row number as in the sheet, the column's name, what is wrong. */
public record ImportErrorResponse(int row, String column, String problem) {
}
