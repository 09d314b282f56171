package com.orderflow.web.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationProcess;
import com.orderflow.modification.ModificationReason;
import com.orderflow.order.ChangePreview;
import com.orderflow.order.ChangePreview.Consequences;
import com.orderflow.order.ChangePreview.Draft;
import com.orderflow.order.LineItem;
import com.orderflow.order.SalesOrder;
import com.orderflow.shared.Actor;
import com.orderflow.web.portal.PortalQueries.OrderDetails;

/**
 * Which groups will have to approve a change, before it is filed: the analysts' DMN
 * {@code modification-approval}, evaluated with the inputs the process gives it
 * (ModificationWorkflow.approvalRoundVariables), so the preview and the process always agree; and what
 * will follow from it for invoices and deliveries ({@link ChangePreview}).
 */
@Component
class ApprovalPreview {

    static final String DECISION = ModificationProcess.APPROVAL_DECISION;
    private static final String OUTPUT = ModificationProcess.APPROVER_GROUP;

    private final DecisionService decisions;
    private final ObjectMapper json;
    private final ChangePreview changePreview;

    ApprovalPreview(DecisionService decisions, ObjectMapper json, ChangePreview changePreview) {
        this.decisions = decisions;
        this.json = json;
        this.changePreview = changePreview;
    }

    List<String> requiredGroups(OrderDetails order, Map<String, JsonNode> changes, ModificationReason reason) {
        BigDecimal discount = discount(order, changes);
        BigDecimal totalAfter = draft(order, changes).total();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ModificationProcess.ORDER_STATUS, order.status().name());
        inputs.put(ModificationProcess.TOTAL_DELTA, totalAfter.subtract(order.total()).abs().doubleValue());
        inputs.put(ModificationProcess.DISCOUNT_PERCENT, discount.doubleValue());
        inputs.put(ModificationProcess.CONTRACT_CHANGED, changes.keySet().stream().anyMatch(k -> k.startsWith("contract.")));
        inputs.put(ModificationProcess.REASON, reason == null ? ModificationReason.CUSTOMER_REQUIREMENT.name() : reason.name());
        List<String> groups = decisions.evaluateDecisionTableByKey(DECISION, inputs).collectEntries(OUTPUT);
        return List.copyOf(new LinkedHashSet<>(groups));
    }

    /** The money and goods that will follow from the change, by the rules the change itself follows. */
    Consequences consequences(OrderDetails order, Map<String, JsonNode> changes, Actor actor) {
        return changePreview.of(order.id(), draft(order, changes), actor);
    }

    /** The order's lines, delivery date and total as they will be once the change is applied. */
    private Draft draft(OrderDetails order, Map<String, JsonNode> changes) {
        List<LineItem> lines = changes.containsKey("lines") ? read(changes.get("lines")) : order.lines();
        LocalDate date = changes.containsKey("contract.deliveryDate")
                ? json.convertValue(changes.get("contract.deliveryDate"), LocalDate.class)
                : order.contract().deliveryDate();
        return new Draft(lines, date, SalesOrder.totalOf(lines, discount(order, changes)));
    }

    private static BigDecimal discount(OrderDetails order, Map<String, JsonNode> changes) {
        return changes.containsKey("discountPercent") ? changes.get("discountPercent").decimalValue()
                : order.discountPercent();
    }

    private List<LineItem> read(JsonNode lines) {
        try {
            return json.readerFor(new TypeReference<List<LineItem>>() { }).readValue(lines);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Lines of the draft are not readable", e);
        }
    }
}
