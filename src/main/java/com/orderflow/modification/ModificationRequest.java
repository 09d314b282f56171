package com.orderflow.modification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import com.orderflow.order.OrderStateException;

/**
 * A request to change an order (结单修改). It changes nothing by itself: its field changes reach the
 * order only when every required group approved and the order is still at {@code baseVersion}.
 */
@Entity
public class ModificationRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "modification_request_seq")
    @SequenceGenerator(name = "modification_request_seq", sequenceName = "modification_request_seq",
            allocationSize = 50)
    private Long id;

    private Long orderId;
    private String requester;

    @Enumerated(EnumType.STRING)
    private ModificationReason reason;

    private String description;
    private long baseVersion;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    private String requiredApprovals;
    private String processInstanceId;
    private Integer appliedRevision;
    private int round;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "field_change", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<FieldChange> changes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "modification_approval", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<Approval> approvals = new ArrayList<>();

    protected ModificationRequest() {
    }

    ModificationRequest(Long orderId, String requester, ModificationReason reason, String description,
            long baseVersion, List<FieldChange> changes, Instant now) {
        this.orderId = orderId;
        this.requester = requester;
        this.reason = reason;
        this.description = description;
        this.baseVersion = baseVersion;
        this.changes.addAll(changes);
        this.status = RequestStatus.SUBMITTED;
        this.round = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The approval rules decided the round's approver groups (none: it is approved next). */
    void requireApprovals(List<String> groups, Instant now) {
        if (status == RequestStatus.SUBMITTED) {
            status = RequestStatus.IN_APPROVAL;
        }
        requireStatus(RequestStatus.IN_APPROVAL);
        this.requiredApprovals = String.join(",", groups);
        this.updatedAt = now;
    }

    /**
     * One group's decision in the current round, by someone who may take it: not the requester, a member of
     * a group this round requires (or, escalated, a sales manager or admin), once per group and round.
     */
    void recordDecision(String group, String user, Collection<String> userGroups, boolean approved, String comment,
            Instant now) {
        requireStatus(RequestStatus.IN_APPROVAL);
        if (user.equals(requester)) {
            throw new ApprovalRuleException("You made request " + id + ", so you may not approve it (" + user + ")");
        }
        boolean escalated = Approval.ESCALATED.equals(group);
        if (escalated ? userGroups.stream().noneMatch(Approval.ESCALATION_GROUPS::contains)
                : !getRequiredApprovals().contains(group) || !userGroups.contains(group)) {
            throw new ApprovalRuleException(user + " may not decide request " + id + " for " + group
                    + "; round " + round + " needs " + getRequiredApprovals());
        }
        if (approvals.stream().anyMatch(a -> a.getRound() == round && a.getGroupId().equals(group))) {
            throw new ApprovalRuleException(group + " already decided round " + round + " of request " + id);
        }
        approvals.add(new Approval(round, group, user, approved, comment, now));
        if (!approved) {
            status = RequestStatus.REJECTED;
        }
        updatedAt = now;
    }

    /** Approved only when every group this round requires approved it (or an escalated approval did). */
    void approve(Instant now) {
        requireStatus(RequestStatus.IN_APPROVAL);
        List<String> missing = missingApprovals();
        if (!missing.isEmpty()) {
            throw new ApprovalRuleException("Request " + id + " cannot be approved: round " + round
                    + " has no approval by someone other than the requester from " + missing);
        }
        status = RequestStatus.APPROVED;
        updatedAt = now;
    }

    void applied(int revision, Instant now) {
        requireStatus(RequestStatus.APPROVED);
        status = RequestStatus.APPLIED;
        appliedRevision = revision;
        updatedAt = now;
    }

    void conflicted(Instant now) {
        requireStatus(RequestStatus.APPROVED);
        status = RequestStatus.CONFLICT;
        updatedAt = now;
    }

    /** Resubmitted after a rejection or conflict: new changes against the order as it is now. */
    void resubmit(List<FieldChange> newChanges, long currentVersion, String newDescription, Instant now) {
        if (status != RequestStatus.REJECTED && status != RequestStatus.CONFLICT) {
            throw new OrderStateException("Only a rejected or conflicting request can be resubmitted; this one is "
                    + status);
        }
        changes.clear();
        changes.addAll(newChanges);
        if (newDescription != null && !newDescription.isBlank()) {
            description = newDescription;
        }
        baseVersion = currentVersion;
        status = RequestStatus.IN_APPROVAL;
        requiredApprovals = null;
        round++;
        updatedAt = now;
    }

    void withdraw(Instant now) {
        if (!status.isOpen()) {
            throw new OrderStateException("Request " + id + " is " + status + " and can no longer be withdrawn");
        }
        status = RequestStatus.WITHDRAWN;
        updatedAt = now;
    }

    /** The groups of the current round still to approve; all of them while the round's groups are undecided. */
    List<String> missingApprovals() {
        if (requiredApprovals == null) {
            return List.of("(the approval rules have not decided this round's groups)");
        }
        Set<String> approvedBy = approvals.stream()
                .filter(a -> a.getRound() == round && a.isApproved() && !a.getUserId().equals(requester))
                .map(Approval::getGroupId).collect(Collectors.toSet());
        if (approvedBy.contains(Approval.ESCALATED)) {
            return List.of();
        }
        return getRequiredApprovals().stream().filter(group -> !approvedBy.contains(group)).toList();
    }

    private void requireStatus(RequestStatus expected) {
        if (status != expected) {
            throw new OrderStateException("Request " + id + " is " + status + ", expected " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getRequester() {
        return requester;
    }

    public ModificationReason getReason() {
        return reason;
    }

    public String getDescription() {
        return description;
    }

    public long getBaseVersion() {
        return baseVersion;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public List<String> getRequiredApprovals() {
        return requiredApprovals == null || requiredApprovals.isEmpty() ? List.of()
                : Arrays.asList(requiredApprovals.split(","));
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Integer getAppliedRevision() {
        return appliedRevision;
    }

    public int getRound() {
        return round;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<FieldChange> getChanges() {
        return Collections.unmodifiableList(changes);
    }

    public List<Approval> getApprovals() {
        return Collections.unmodifiableList(approvals);
    }
}
