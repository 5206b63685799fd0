package io.techbridge.listing.imports;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The HTTP side every import endpoint shares: the raw-body upload and the error report as CSV or JSON. */
public final class ImportHttp {

    public static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private ImportHttp() {
    }

    public static ImportFormat formatOf(MediaType contentType) {
        return contentType != null && contentType.isCompatible(MediaType.valueOf(ImportFormat.XLSX_MEDIA_TYPE))
                ? ImportFormat.XLSX : ImportFormat.CSV;
    }

    /** The body, up to the limit; one byte more is {@code tooLarge}, without reading the rest into memory. */
    public static byte[] readAtMost(InputStream body, long limit, Supplier<RuntimeException> tooLarge) {
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw tooLarge.get();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    /** JSON when Accept asks for it before (or instead of) CSV; else the CSV download. */
    public static Response errorReport(UUID job, List<ImportErrorResponse> errors, HttpHeaders headers) {
        if (prefersJson(headers.getAcceptableMediaTypes())) {
            return Response.ok(errors, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv(errors), CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"import-" + job + "-errors.csv\"")
                .build();
    }

    /** JSON only when asked for before (or instead of) CSV; a browser download or a wildcard gets CSV. */
    static boolean prefersJson(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.getType().equals("text")) {
                return false;
            }
        }
        return false;
    }

    /** 行号,列,问题 in UTF-8 with BOM, so Excel shows the Chinese. */
    public static byte[] csv(List<ImportErrorResponse> errors) {
        StringBuilder out = new StringBuilder("\uFEFF行号,列,问题\r\n");
        for (ImportErrorResponse error : errors) {
            out.append(error.row()).append(',').append(csvCell(error.column())).append(',')
                    .append(csvCell(error.problem())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        // A leading formula character would be run by Excel; the apostrophe keeps it text.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
