package com.orderflow.report.web;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.order.OrderPageSection;
import com.orderflow.report.ReportService;
import com.orderflow.report.ReportType;

/** The order's reports on its page, each a download ({@link ReportDownloadController}). */
@Component
class ReportsSection implements OrderPageSection {

    record ReportRow(Long id, ReportType type, String fileName, long sizeBytes, Instant createdAt) {
    }

    private final ReportService reports;

    ReportsSection(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Place place() {
        return Place.RECORDS;
    }

    @Override
    public String template() {
        return "portal/sections/reports";
    }

    @Override
    public List<ReportRow> read(PageRequest page) {
        return reports.summariesForOrder(page.order().id()).stream()
                .map(r -> new ReportRow(r.id(), r.type(), r.fileName(), r.sizeBytes(), r.createdAt()))
                .toList();
    }
}
