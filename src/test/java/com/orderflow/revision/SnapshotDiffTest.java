package com.orderflow.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SnapshotDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void nestedFieldsAreNamedByPathAndListsCompareWhole() throws Exception {
        JsonNode before = json.readTree("""
                {"discountPercent": 0, "contract": {"paymentTermsDays": 30, "clauses": "A"},
                 "lines": [{"sku": "X", "quantity": 1}], "closedBy": null}""");
        JsonNode after = json.readTree("""
                {"discountPercent": 0, "contract": {"paymentTermsDays": 60, "clauses": "A"},
                 "lines": [{"sku": "X", "quantity": 2}], "closedBy": "sales1"}""");

        var changes = SnapshotDiff.between(before, after);

        assertThat(changes).extracting(SnapshotDiff.FieldDifference::field)
                .containsExactly("contract.paymentTermsDays", "lines", "closedBy");
        assertThat(changes.get(0).before().asInt()).isEqualTo(30);
        assertThat(changes.get(0).after().asInt()).isEqualTo(60);
        assertThat(changes.get(2).before()).isNull();
        assertThat(SnapshotDiff.between(before, before)).isEmpty();
    }
}
