package io.techbridge.listing.imports;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportHttpTest {

    @Test
    void theErrorReportOpensInExcelAndRunsNoFormula() {
        byte[] csv = ImportHttp.csv(List.of(new ImportErrorResponse(2, "*成果名称", "不能为空"),
                new ImportErrorResponse(5, null, "=HYPERLINK(\"x\"), or \"worse\"")));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFF行号,列,问题\r\n2,*成果名称,不能为空\r\n5,,\"'=HYPERLINK(\"\"x\"\"), or \"\"worse\"\"\"\r\n", text);
    }

    @Test
    void jsonOnlyWhenAskedForBeforeCsv() {
        assertTrue(ImportHttp.prefersJson(List.of(MediaType.APPLICATION_JSON_TYPE)));
        assertTrue(ImportHttp.prefersJson(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv"))));
        assertFalse(ImportHttp.prefersJson(List.of(MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE)));
        assertFalse(ImportHttp.prefersJson(List.of(MediaType.WILDCARD_TYPE, MediaType.APPLICATION_JSON_TYPE)));
        assertFalse(ImportHttp.prefersJson(List.of()));
    }

    @Test
    void theFormatComesFromTheContentType() {
        assertEquals(ImportFormat.XLSX, ImportHttp.formatOf(MediaType.valueOf(ImportFormat.XLSX_MEDIA_TYPE)));
        assertEquals(ImportFormat.CSV, ImportHttp.formatOf(MediaType.valueOf("text/csv; charset=GBK")));
        assertEquals(ImportFormat.CSV, ImportHttp.formatOf(null));
    }

    @Test
    void anUploadIsReadUpToTheLimitAndNotAByteMore() {
        byte[] body = new byte[200_000];
        body[199_999] = 7;
        assertArrayEquals(body, ImportHttp.readAtMost(new ByteArrayInputStream(body), body.length, IllegalStateException::new));
        IllegalStateException tooLarge = new IllegalStateException("too large");
        assertSame(tooLarge, assertThrows(IllegalStateException.class,
                () -> ImportHttp.readAtMost(new ByteArrayInputStream(body), body.length - 1, () -> tooLarge)));
    }
}
