package com.orderflow.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The building blocks of every orderflow PDF (A4, title, label/value facts, tables), so the report
 * layouts read as a list of sections. Public for the features that lay out a PDF of their own (the
 * closed-order review), so every PDF looks and falls back on fonts the same way.
 *
 * <p>Fonts: Latin text uses the standard Helvetica (never embedded). Chinese text (labels such as 结单修改,
 * and customer names or descriptions typed in Chinese) falls back to STSong-Light: OpenPDF ships that
 * font's metrics and CMap but not its glyphs, so the PDF names it without embedding it and the
 * viewer supplies a Chinese font, as Acrobat, pdf.js and poppler do. If that font cannot be set up,
 * Chinese characters are left out rather than the report failing; the Latin text is unaffected.
 */
public final class PdfBlocks {

    private static final Color HEADER_BACKGROUND = new Color(230, 236, 242);
    private static final String EMPTY = "-";
    // Times are shown in UTC, stated on the page, so a report reads the same wherever it is opened.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final PdfFonts BODY = PdfFonts.regular(9);
    private static final PdfFonts BOLD = PdfFonts.bold(9);
    private static final PdfFonts HEADING = PdfFonts.bold(12);
    private static final PdfFonts TITLE = PdfFonts.bold(16);
    private static final float[] FACT_WIDTHS = { 1.2f, 3f };

    private final Document document;

    private PdfBlocks(Document document) {
        this.document = document;
    }

    /** Renders one A4 document whose sections {@code content} adds. */
    public static byte[] render(String documentTitle, Consumer<PdfBlocks> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(documentTitle);
            document.addCreator("orderflow");
            document.open();
            content.accept(new PdfBlocks(document));
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    public void title(String text) {
        Paragraph paragraph = new Paragraph(TITLE.phrase(text));
        paragraph.setSpacingAfter(12);
        add(paragraph);
    }

    public void heading(String text) {
        Paragraph paragraph = new Paragraph(HEADING.phrase(text));
        paragraph.setSpacingBefore(14);
        paragraph.setSpacingAfter(6);
        add(paragraph);
    }

    public void note(String text) {
        add(new Paragraph(BODY.phrase(text)));
    }

    /** Label/value pairs, two columns, labels in bold. */
    public void facts(List<String[]> pairs) {
        facts(FACT_WIDTHS, pairs);
    }

    /** Label/value pairs in columns of these relative widths (label, value). */
    public void facts(float[] widths, List<String[]> pairs) {
        PdfPTable table = table(widths);
        for (String[] pair : pairs) {
            table.addCell(cell(BOLD.phrase(pair[0]), null));
            table.addCell(cell(BODY.phrase(text(pair[1])), null));
        }
        add(table);
    }

    /** A table with a shaded header row; every value is written as plain text. */
    public void table(String[] headers, float[] widths, List<String[]> rows) {
        PdfPTable table = table(widths);
        table.setHeaderRows(1);
        for (String header : headers) {
            table.addCell(cell(BOLD.phrase(header), HEADER_BACKGROUND));
        }
        for (String[] row : rows) {
            for (String value : row) {
                table.addCell(cell(BODY.phrase(text(value)), null));
            }
        }
        add(table);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        return table;
    }

    private static PdfPCell cell(Phrase phrase, Color background) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(4);
        cell.setBorderColor(Color.LIGHT_GRAY);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
    }

    /** A label/value pair for {@link #facts}. */
    public static String[] fact(String label, String value) {
        return new String[] { label, value };
    }

    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        return amount.toPlainString() + (currency == null ? "" : " " + currency);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? EMPTY : value;
    }
}
