package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.support.IntegrationTest;

/**
 * The "Send an email" element template against the running app: its pick list is exactly the emails the
 * families of the app send from a process step, so an analyst can pick every one of them and nothing else.
 */
class EmailStepIT extends IntegrationTest {

    private static final Pattern CHOICE = Pattern.compile("\\$\\{orderflowMail\\.send\\(execution, '([\\w-]+)'\\)}");

    @Autowired
    private OrderflowMail orderflowMail;

    @Test
    void thePickListIsEveryEmailAProcessStepCanSend() throws IOException {
        Set<String> offered = new TreeSet<>();
        new ObjectMapper().readTree(Path.of("processes", ".camunda", "element-templates", "send-email.json").toFile())
                .path("properties").get(0).path("choices").forEach(choice -> {
                    Matcher email = CHOICE.matcher(choice.path("value").asText());
                    assertThat(email.matches()).as(choice.toString()).isTrue();
                    offered.add(email.group(1));
                });
        assertThat(offered).isEqualTo(orderflowMail.templates()).contains("modification-applied", "review-report");
    }

    @Test
    void anEmailNoFamilySendsIsRefusedByName() {
        assertThatThrownBy(() -> orderflowMail.send(null, "deliveries-changed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deliveries-changed");
    }
}
