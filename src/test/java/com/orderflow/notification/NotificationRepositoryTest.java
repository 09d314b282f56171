package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

import com.orderflow.shared.MailEvent;
import com.orderflow.support.RepositorySlice;

/** The notification rows on PostgreSQL: by order and by event in id order, locked by event, one per recipient. */
@RepositorySlice
class NotificationRepositoryTest {

    private static final long ORDER = 972_000_001L;
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    NotificationRepository notifications;
    @Autowired
    EntityManager entityManager;

    @Test
    void anOrdersEmailsAreListedOldestFirstAndNoOtherOrders() {
        Notification first = notifications.save(mail("slice-order-closed", ORDER, "sales1"));
        Notification second = notifications.save(mail("slice-order-closed", ORDER, "manager1"));
        notifications.save(mail("slice-other-closed", ORDER + 1, "sales1"));
        Notification third = notifications.save(mail("slice-order-reopened", ORDER, "sales1"));
        notifications.flush();
        entityManager.clear();

        assertThat(notifications.findByOrderIdOrderByIdAsc(ORDER)).extracting(Notification::getId)
                .containsExactly(first.getId(), second.getId(), third.getId());
        Notification read = notifications.findByOrderIdOrderByIdAsc(ORDER).get(0);
        assertThat(read.getState()).isEqualTo(NotificationState.PENDING);
        assertThat(read.getRecipientEmail()).isEqualTo("sales1@orderflow.local");
        assertThat(read.getLocale()).isEqualTo("zh-CN");
        assertThat(read.getMessageId()).isEqualTo(Notification.messageIdOf("slice-order-closed",
                "sales1@orderflow.local"));
        assertThat(read.getCreatedAt()).isEqualTo(AT);
    }

    @Test
    void theNewestOfAnOrdersEmailsComeFirstAndNoMoreThanAsked() {
        Notification first = notifications.save(mail("slice-newest-closed", ORDER + 2, "sales1"));
        Notification second = notifications.save(mail("slice-newest-closed", ORDER + 2, "manager1"));
        notifications.save(mail("slice-newest-other", ORDER + 3, "sales1"));
        Notification third = notifications.save(mail("slice-newest-reopened", ORDER + 2, "sales1"));
        notifications.flush();
        entityManager.clear();

        assertThat(notifications.findByOrderIdOrderByIdDesc(ORDER + 2, Limit.of(2))).extracting(Notification::getId)
                .containsExactly(third.getId(), second.getId());
        assertThat(notifications.findByOrderIdOrderByIdDesc(ORDER + 2, Limit.of(100))).extracting(Notification::getId)
                .containsExactly(third.getId(), second.getId(), first.getId());
    }

    @Test
    void anEventsEmailsAreFoundAndLockedInIdOrder() {
        Notification first = notifications.save(mail("slice-request-1-applied", ORDER, "sales1"));
        Notification second = notifications.save(mail("slice-request-1-applied", ORDER, "manager1"));
        notifications.save(mail("slice-request-2-applied", ORDER, "sales1"));
        notifications.flush();
        entityManager.clear();

        assertThat(notifications.findByEventKeyOrderByIdAsc("slice-request-1-applied")).extracting(Notification::getId)
                .containsExactly(first.getId(), second.getId());
        assertThat(notifications.lockEvent("slice-request-1-applied")).extracting(Notification::getId)
                .containsExactly(first.getId(), second.getId());
        assertThat(notifications.lockEvent("slice-request-3-applied")).isEmpty();
    }

    @Test
    void anEventMailsARecipientOnce() {
        notifications.save(mail("slice-order-closed", ORDER, "sales1"));
        notifications.flush();

        notifications.save(mail("slice-order-closed", ORDER, "sales1"));
        assertThatThrownBy(notifications::flush)
                .hasStackTraceContaining("violates unique constraint \"notification_event_key_recipient_email_key\"");
    }

    private static Notification mail(String eventKey, long orderId, String user) {
        MailEvent event = new MailEvent(eventKey, orderId, null, "order-closed", Set.of(user), Set.of(), Map.of(),
                null);
        return new Notification(event, new Recipient(user, user + "@orderflow.local", Locale.SIMPLIFIED_CHINESE),
                "Order closed", AT);
    }
}
