package com.orderflow.review;

import static com.orderflow.report.PdfBlocks.fact;
import static com.orderflow.report.PdfBlocks.time;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.report.PdfBlocks;

/**
 * The review report as an A4 PDF: summary, counts per kind, and the worst cases of each kind. Its
 * size does not grow with the number of findings: every finding is in the CSV. Laid out with the
 * blocks (and fonts) of the other orderflow reports.
 */
@Component
class ReviewPdfWriter {

    // The summary's labels are longer than those of the other reports' facts.
    private static final float[] SUMMARY_WIDTHS = { 1.4f, 3f };

    byte[] write(ClosedOrderReview review, ScanResult result, ReviewProperties properties) {
        return PdfBlocks.render("Closed-order review " + review.getId(), pdf -> {
            pdf.title("Closed-order review (结单定期审查) #" + review.getId());
            pdf.facts(SUMMARY_WIDTHS, List.of(
                    fact("Review", "#" + review.getId()),
                    fact("Started (开始时间)", time(review.getStartedAt())),
                    fact("Triggered by", review.getTriggeredBy() + (review.getStartedBy() == null ? ""
                            : " (" + review.getStartedBy() + ")")),
                    fact("Closed orders scanned (已审查订单)", String.valueOf(result.ordersScanned())),
                    fact("Findings (问题总数)", String.valueOf(result.findingCount())),
                    fact("Rules", "reissue overdue after " + properties.reissueOverdue()
                            + ", requests stuck after " + properties.stuckAfter())));

            pdf.heading("Findings per kind (按类型统计)");
            List<String[]> counts = new ArrayList<>();
            for (FindingKind kind : FindingKind.values()) {
                counts.add(new String[] { kind.label(), String.valueOf(result.count(kind)) });
            }
            pdf.table(new String[] { "Kind", "Count" }, new float[] { 4f, 1f }, counts);

            for (FindingKind kind : FindingKind.values()) {
                worstCases(pdf, kind, result);
            }
            if (result.findingCount() == 0) {
                pdf.heading("No findings (未发现问题)");
                pdf.note("Every closed order passed every check.");
            }
        });
    }

    private static void worstCases(PdfBlocks pdf, FindingKind kind, ScanResult result) {
        List<Finding> worst = result.worstCases().getOrDefault(kind, List.of());
        if (worst.isEmpty()) {
            return;
        }
        pdf.heading("Worst cases: " + kind.label());
        pdf.table(new String[] { "Order", "Owner", "Detail" }, new float[] { 1.5f, 1f, 4f },
                worst.stream().map(f -> new String[] { f.orderNumber(), f.owner(), f.detail() }).toList());
        if (result.count(kind) > worst.size()) {
            pdf.note("... and " + (result.count(kind) - worst.size()) + " more of this kind in the CSV report.");
        }
    }
}
