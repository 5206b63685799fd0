package io.techbridge.listing.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The cells of an uploaded file as text: the header row and the data rows, each with its row number
 * as the user sees it in the sheet (the header is row 1). Rows whose cells are all blank are left out.
 * {@code rowCount} counts every data row, also those beyond what was kept (see {@link #read(ImportFormat, byte[], int)}).
 */
public record Spreadsheet(List<String> header, List<DataRow> rows, int rowCount) {

    public Spreadsheet(List<String> header, List<DataRow> rows) {
        this(header, rows, rows.size());
    }

    /** A data row: its number in the sheet and its cells, in header order (blank cells as ""). */
    public record DataRow(int number, List<String> cells) {
    }

    /** The upload cannot be read as a spreadsheet of this format. */
    public static class UnreadableException extends Exception {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** GBK files are read as GB18030, the national standard that contains GBK byte for byte. */
    private static final Charset GBK = Charset.forName("GB18030");

    public static Spreadsheet read(ImportFormat format, byte[] content) throws UnreadableException {
        return read(format, content, Integer.MAX_VALUE);
    }

    /**
     * The file with at most {@code keep} data rows kept, the rest only counted: a file of a million
     * short rows (a few MB) would otherwise take hundreds of MB to hold before it is refused as too long.
     */
    public static Spreadsheet read(ImportFormat format, byte[] content, int keep) throws UnreadableException {
        return switch (format) {
            case XLSX -> readXlsx(content, keep);
            case CSV -> readCsv(content, keep);
        };
    }

    /**
     * The first sheet, each cell as Excel displays it (so a phone number stays digits). Read as a
     * stream of rows (SAX), not as a workbook model, so that a large sheet needs little memory.
     */
    private static Spreadsheet readXlsx(byte[] content, int keep) throws UnreadableException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new Spreadsheet(List.of(), List.of());
            }
            RowCollector rows = new RowCollector(keep);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), rows, new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            return rows.result();
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            throw new UnreadableException("the file is not a readable .xlsx workbook", e);
        }
    }

    /** Gathers the rows the SAX handler reports; cells it skips (empty ones) become "". */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int keep;
        private List<String> header;
        private final List<DataRow> rows = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();
        private int count;

        RowCollector(int keep) {
            this.keep = keep;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, formattedValue == null ? "" : formattedValue.strip());
        }

        @Override
        public void endRow(int rowNum) {
            if (allBlank(cells)) {
                return;
            }
            if (header == null) {
                header = List.copyOf(cells);
            } else if (count++ < keep) {
                rows.add(new DataRow(rowNum + 1, List.copyOf(cells)));
            }
        }

        Spreadsheet result() {
            return new Spreadsheet(header == null ? List.of() : header, rows, count);
        }
    }

    /**
     * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK. The text is read as a
     * stream from the bytes, never held whole: as a String a 20 MB file took three times its size
     * again, and one upload at the file limit ran a 256 MB service out of memory.
     */
    private static Spreadsheet readCsv(byte[] content, int keep) throws UnreadableException {
        int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        Reader text = isUtf8(content, start)
                ? new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), StandardCharsets.UTF_8)
                : new InputStreamReader(new ByteArrayInputStream(content), GBK);
        List<String> header = null;
        List<DataRow> rows = new ArrayList<>();
        int count = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(text)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(value.strip()));
                if (allBlank(cells)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                } else if (count++ < keep) {
                    rows.add(new DataRow(number, cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException("the file is not readable CSV: " + e.getMessage(), e);
        }
        return new Spreadsheet(header == null ? List.of() : header, rows, count);
    }

    /** Whether the bytes from {@code start} are valid UTF-8, checked a slice at a time. */
    static boolean isUtf8(byte[] content, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer slice = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult result = decoder.decode(bytes, slice, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(slice.clear()).isError();
            }
            slice.clear();
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
