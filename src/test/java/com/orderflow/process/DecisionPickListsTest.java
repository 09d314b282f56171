package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;

import com.orderflow.modification.ModificationProcess;
import com.orderflow.modification.ModificationReason;
import com.orderflow.order.OrderStatus;

/**
 * The approval table offers pick lists (DMN {@code inputValues}) where an input takes one of a few values,
 * so an analyst editing a rule in Modeler picks "CLOSED" instead of typing it; the lists are the values
 * orderflow passes in, and the output's list the groups it knows.
 */
class DecisionPickListsTest {

    private static final DmnModelInstance TABLE = Dmn.readModelFromFile(
            Path.of("processes", "modification-approval.dmn").toFile());

    @Test
    void everyTextInputHasAPickListOfTheValuesOrderflowPasses() {
        Map<String, List<String>> lists = TABLE.getModelElementsByType(Input.class).stream()
                .filter(input -> "string".equals(input.getInputExpression().getTypeRef()))
                .collect(Collectors.toMap(Input::getCamundaInputVariable, input -> {
                    assertThat(input.getInputValues()).as(input.getLabel() + " has inputValues").isNotNull();
                    return values(input.getInputValues().getText().getTextContent());
                }));
        assertThat(lists).containsOnlyKeys(ModificationProcess.ORDER_STATUS, ModificationProcess.REASON);
        assertThat(lists.get(ModificationProcess.ORDER_STATUS))
                .containsExactlyElementsOf(Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
        assertThat(lists.get(ModificationProcess.REASON))
                .containsExactlyElementsOf(Arrays.stream(ModificationReason.values()).map(Enum::name).toList());
    }

    @Test
    void theApproverGroupIsPickedFromTheGroupsThatApprove() {
        Output group = TABLE.getModelElementsByType(Output.class).iterator().next();
        assertThat(values(group.getOutputValues().getText().getTextContent()))
                .containsExactlyInAnyOrder("sales-managers", "finance", "legal");
    }

    @Test
    void everyLabelIsBilingual() {
        TABLE.getModelElementsByType(Input.class).forEach(input ->
                assertThat(input.getLabel()).as(input.getId()).matches(".*\\p{IsHan}.*[A-Za-z].*"));
    }

    private static List<String> values(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(v -> v.replaceAll("^\"|\"$", "")).toList();
    }
}
