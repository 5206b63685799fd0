package io.techbridge.listing.imports;

/** The file formats an import accepts, by the Content-Type of the upload. */
public enum ImportFormat {
    XLSX, CSV;

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_MEDIA_TYPE = "text/csv";
}
