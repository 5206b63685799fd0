package io.techbridge.listing.imports;

import io.techbridge.listing.testing.SheetFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetTest {

    /**
     * A 12 MB CSV of a million short rows took a 256 MB service down (OutOfMemoryError, 500s, then
     * timeouts for everyone) while it was read whole, only to be refused for too many rows.
     */
    @Test
    void rowsBeyondWhatIsKeptAreCountedNotHeld() throws Exception {
        int rows = 1_000_000;
        byte[] csv = ("标题,摘要\n" + "石墨烯,x\n".repeat(rows)).getBytes(StandardCharsets.UTF_8);

        Spreadsheet sheet = Spreadsheet.read(ImportFormat.CSV, csv, 20_000);

        assertEquals(List.of("标题", "摘要"), sheet.header());
        assertEquals(rows, sheet.rowCount());
        assertEquals(20_000, sheet.rows().size());
        assertEquals(new Spreadsheet.DataRow(2, List.of("石墨烯", "x")), sheet.rows().getFirst());
        assertEquals(20_001, sheet.rows().getLast().number());
    }

    @Test
    void anXlsxIsCountedTheSameWay() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(List.of("成果" + i, "摘要"));
        }
        byte[] xlsx = SheetFiles.xlsx("成果登记表", Pattern.compile("\\d{6}"), List.of("标题", "摘要"), rows);

        Spreadsheet sheet = Spreadsheet.read(ImportFormat.XLSX, xlsx, 10);

        assertEquals(50, sheet.rowCount());
        assertEquals(10, sheet.rows().size());
        assertEquals("成果9", sheet.rows().getLast().cells().getFirst());
    }

    @Test
    void utf8WithOrWithoutBomAndGbkAreRead() throws Exception {
        String text = "标题,摘要\n石墨烯散热膜,导热系数1500 W/(m·K)\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        for (byte[] file : List.of(utf8, withBom, text.getBytes(java.nio.charset.Charset.forName("GBK")))) {
            Spreadsheet sheet = Spreadsheet.read(ImportFormat.CSV, file);
            assertEquals(List.of("标题", "摘要"), sheet.header());
            assertEquals(List.of("石墨烯散热膜", "导热系数1500 W/(m·K)"), sheet.rows().getFirst().cells());
        }
    }

    @Test
    void validUtf8IsToldFromOtherBytesAcrossSlices() {
        byte[] long8 = "石".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertEquals(true, Spreadsheet.isUtf8(long8, 0));
        long8[long8.length - 2] = (byte) 0xFF;
        assertEquals(false, Spreadsheet.isUtf8(long8, 0));
        assertEquals(false, Spreadsheet.isUtf8(new byte[]{(byte) 0xE7, (byte) 0x9F}, 0), "a character cut off at the end");
    }

    @Test
    void withoutALimitEveryRowIsKept() throws Exception {
        Spreadsheet sheet = Spreadsheet.read(ImportFormat.CSV, "标题\n甲\n\n乙\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, sheet.rowCount());
        assertEquals(List.of(new Spreadsheet.DataRow(2, List.of("甲")), new Spreadsheet.DataRow(4, List.of("乙"))),
                sheet.rows());
    }
}
