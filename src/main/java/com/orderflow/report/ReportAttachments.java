package com.orderflow.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import com.orderflow.notification.MailAttachments;
import com.orderflow.process.AsSystem;
import com.orderflow.shared.Actor;

/** Lets mail attach a stored report without the notification module knowing about reports. */
@Component
class ReportAttachments implements MailAttachments {

    private final ReportService reports;
    private final ReportReaders readers;
    private final IdentityService identity;

    ReportAttachments(ReportService reports, ReportReaders readers, IdentityService identity) {
        this.reports = reports;
        this.readers = readers;
        this.identity = identity;
    }

    @Override
    public Optional<Attachment> load(Long reportId) {
        return reports.find(reportId)
                .map(r -> new Attachment(r.getFileName(), r.getContentType(), r.getContent(), r.getOrderId()));
    }

    @Override
    public Set<String> readersAmong(Attachment report, Collection<String> userIds) {
        Set<String> allowed = new HashSet<>();
        for (String userId : new HashSet<>(userIds)) {
            if (userId != null && readers.mayRead(report.orderId(), actor(userId))) {
                allowed.add(userId);
            }
        }
        return allowed;
    }

    private Actor actor(String userId) {
        Set<String> groups = AsSystem.call(identity, () -> identity.createGroupQuery().groupMember(userId).list())
                .stream().map(Group::getId).collect(Collectors.toSet());
        return new Actor(userId, groups);
    }
}
