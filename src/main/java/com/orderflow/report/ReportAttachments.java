package com.orderflow.report;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.orderflow.notification.MailAttachments;

/** Lets mail attach a stored report without the notification module knowing about reports. */
@Component
class ReportAttachments implements MailAttachments {

    private final ReportService reports;

    ReportAttachments(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Optional<Attachment> load(Long reportId) {
        return reports.find(reportId)
                .map(r -> new Attachment(r.getFileName(), r.getContentType(), r.getContent()));
    }
}
