package com.orderflow.report.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.orderflow.order.OrderAccess;
import com.orderflow.report.Report;
import com.orderflow.report.ReportService;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/** An order's report as a download for the signed-in session. */
@Controller
class ReportDownloadController {

    private final ReportService reports;
    private final OrderAccess access;

    ReportDownloadController(ReportService reports, OrderAccess access) {
        this.reports = reports;
        this.access = access;
    }

    /** The same file as GET /api/reports/{id}, reachable with the portal's session. */
    @GetMapping("/orders/{orderId}/reports/{reportId}")
    ResponseEntity<byte[]> report(@PathVariable Long orderId, @PathVariable Long reportId, Actor actor) {
        access.checkReadable(orderId, actor);
        Report report = reports.find(reportId).filter(r -> orderId.equals(r.getOrderId()))
                .orElseThrow(() -> new NotFoundException("Report", reportId));
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(report.getFileName());
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(report.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (ascii ? disposition.filename(report.getFileName())
                        : disposition.filename(report.getFileName(), StandardCharsets.UTF_8)).build().toString())
                .body(report.getContent());
    }
}
