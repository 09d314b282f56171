package com.orderflow.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderAccess;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Lists an order's reports and serves report files as downloads. */
@RestController
@Tag(name = "Reports", description = "PDF and CSV reports: closing and modification reports, invoices, credit notes "
        + "and reviews.")
class ReportController {

    record ReportView(Long id, ReportType type, String fileName, String contentType, long sizeBytes,
            Instant createdAt, Long requestId, Integer revision, String downloadUrl) {
    }

    private final ReportService reports;
    private final OrderAccess access;
    private final ReportReaders readers;

    ReportController(ReportService reports, OrderAccess access, ReportReaders readers) {
        this.readers = readers;
        this.reports = reports;
        this.access = access;
    }

    @Operation(operationId = "listReports", summary = "List an order's reports",
            description = "The reports of the order, each with the URL to download it.")
    @GetMapping("/api/orders/{orderId}/reports")
    List<ReportView> forOrder(@PathVariable Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return reports.summariesForOrder(orderId).stream()
                .map(r -> new ReportView(r.id(), r.type(), r.fileName(), r.contentType(), r.sizeBytes(),
                        r.createdAt(), r.requestId(), r.revision(), "/api/reports/" + r.id()))
                .toList();
    }

    @Operation(operationId = "downloadReport", summary = "Download a report",
            description = "The report's file as an attachment; a report of an order the caller may not read answers "
                    + "404.")
    @ApiResponse(responseCode = "200", description = "The file: a PDF, or a review's CSV", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")) })
    @GetMapping("/api/reports/{id}")
    ResponseEntity<byte[]> download(@PathVariable Long id, Actor actor) {
        Report report = reports.find(id).orElseThrow(() -> new NotFoundException("Report", id));
        checkReadable(report, actor);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(report.getContentType()))
                .contentLength(report.getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(report.getFileName()).toString())
                .body(report.getContent());
    }

    /** A report of an order the actor may not see does not exist for them, like the order (404). */
    private void checkReadable(Report report, Actor actor) {
        if (!readers.mayRead(report, actor)) {
            if (report.getOrderId() != null) {
                throw new NotFoundException("Report", report.getId());
            }
            throw new AccessDeniedException("Only sales managers and admins may read report " + report.getId());
        }
    }

    private static ContentDisposition disposition(String fileName) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName);
        ContentDisposition.Builder builder = ContentDisposition.attachment();
        return (ascii ? builder.filename(fileName) : builder.filename(fileName, StandardCharsets.UTF_8)).build();
    }
}
