package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The email step's lookup of the family that sends a template. How it dispatches (queue, send in the job,
 * send or queue) is shown on a real diagram by InvoiceSettlementProcessTest and the process ITs.
 */
class OrderflowMailTest {

    private final MailQueue queue = mock(MailQueue.class);

    @Test
    void offersTheTemplatesOfEveryFamily() {
        OrderflowMail mail = new OrderflowMail(Map.of("closing", family("order-closed"),
                "review", family("review-report", "review-fix-requested")), queue);
        assertThat(mail.templates()).containsExactly("order-closed", "review-fix-requested", "review-report");
    }

    @Test
    void refusesToStartWhenTwoFamiliesClaimOneTemplate() {
        assertThatThrownBy(() -> new OrderflowMail(Map.of("a", family("order-closed"), "b", family("order-closed")),
                queue)).isInstanceOf(IllegalStateException.class).hasMessageContaining("order-closed");
    }

    @Test
    void aTemplateNoFamilySendsIsRefusedBeforeAnythingIsSentOrQueued() {
        OrderflowMail mail = new OrderflowMail(Map.of("closing", family("order-closed")), queue);
        assertThatThrownBy(() -> mail.send(null, "order-closd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order-closd").hasMessageContaining("order-closed");
        verifyNoInteractions(queue);
    }

    private static ProcessMails family(String... templates) {
        ProcessMails family = mock(ProcessMails.class);
        when(family.templates()).thenReturn(Set.of(templates));
        return family;
    }
}
