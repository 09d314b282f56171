package com.orderflow.review;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The review report as an A4 PDF: summary, counts per kind, and the worst cases of each kind. Its
 * size does not grow with the number of findings: every finding is in the CSV.
 * Fonts as in the other orderflow reports: Helvetica, with STSong-Light (not embedded) for Chinese.
 */
@Component
class ReviewPdfWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Color HEADER = new Color(230, 236, 242);

    byte[] write(ClosedOrderReview review, ScanResult result, ReviewProperties properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        FontSelector body = fonts(BaseFont.HELVETICA, 9);
        FontSelector bold = fonts(BaseFont.HELVETICA_BOLD, 9);
        FontSelector heading = fonts(BaseFont.HELVETICA_BOLD, 12);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Closed-order review " + review.getId());
            document.addCreator("orderflow");
            document.open();
            Paragraph title = new Paragraph(fonts(BaseFont.HELVETICA_BOLD, 16)
                    .process("Closed-order review (结单定期审查) #" + review.getId()));
            title.setSpacingAfter(12);
            document.add(title);

            PdfPTable summary = table(new float[] { 1.4f, 3f });
            fact(summary, bold, body, "Review", "#" + review.getId());
            fact(summary, bold, body, "Started (开始时间)", time(review.getStartedAt()));
            fact(summary, bold, body, "Triggered by", review.getTriggeredBy() + (review.getStartedBy() == null ? ""
                    : " (" + review.getStartedBy() + ")"));
            fact(summary, bold, body, "Closed orders scanned (已审查订单)", String.valueOf(result.ordersScanned()));
            fact(summary, bold, body, "Findings (问题总数)", String.valueOf(result.findingCount()));
            fact(summary, bold, body, "Rules", "reissue overdue after " + properties.reissueOverdue()
                    + ", requests stuck after " + properties.stuckAfter());
            document.add(summary);

            section(document, heading, "Findings per kind (按类型统计)");
            PdfPTable counts = table(new float[] { 4f, 1f });
            header(counts, bold, "Kind", "Count");
            for (FindingKind kind : FindingKind.values()) {
                counts.addCell(cell(body.process(kind.label())));
                counts.addCell(cell(body.process(String.valueOf(result.count(kind)))));
            }
            document.add(counts);

            for (FindingKind kind : FindingKind.values()) {
                List<Finding> worst = result.worstCases().getOrDefault(kind, List.of());
                if (worst.isEmpty()) {
                    continue;
                }
                section(document, heading, "Worst cases: " + kind.label());
                PdfPTable cases = table(new float[] { 1.5f, 1f, 4f });
                header(cases, bold, "Order", "Owner", "Detail");
                for (Finding finding : worst) {
                    cases.addCell(cell(body.process(finding.orderNumber())));
                    cases.addCell(cell(body.process(finding.owner())));
                    cases.addCell(cell(body.process(finding.detail())));
                }
                document.add(cases);
                if (result.count(kind) > worst.size()) {
                    document.add(new Paragraph(body.process("... and " + (result.count(kind) - worst.size())
                            + " more of this kind in the CSV report.")));
                }
            }
            if (result.findingCount() == 0) {
                section(document, heading, "No findings (未发现问题)");
                document.add(new Paragraph(body.process("Every closed order passed every check.")));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("The review PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void section(Document document, FontSelector heading, String text) throws DocumentException {
        Paragraph paragraph = new Paragraph(heading.process(text));
        paragraph.setSpacingBefore(14);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    private static void fact(PdfPTable table, FontSelector bold, FontSelector body, String label, String value) {
        table.addCell(cell(bold.process(label)));
        table.addCell(cell(body.process(value == null || value.isBlank() ? "-" : value)));
    }

    private static void header(PdfPTable table, FontSelector bold, String... labels) {
        table.setHeaderRows(1);
        for (String label : labels) {
            PdfPCell cell = cell(bold.process(label));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        return table;
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(4);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static FontSelector fonts(String latin, float size) {
        FontSelector selector = new FontSelector();
        try {
            selector.addFont(new Font(BaseFont.createFont(latin, BaseFont.CP1252, BaseFont.NOT_EMBEDDED), size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            selector.addFont(new Font(BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED),
                    size));
        } catch (IOException | RuntimeException e) {
            // Chinese characters are left out rather than the report failing.
        }
        return selector;
    }
}
