package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.RepositorySlice;

import jakarta.persistence.EntityManager;

/**
 * Who may read an order, on PostgreSQL: the owner and the see-all groups; for anyone else, and for an unknown
 * id, the order does not exist. The check by owner answers as the full read does, without loading the order.
 */
@RepositorySlice
@Import(OrderAccess.class)
class OrderAccessTest {

    private static final long ORDER = 971_000_001L;
    private static final Actor OWNER = new Actor("access-rep-a", Set.of(Actor.SALES));
    private static final Actor OTHER_REP = new Actor("access-rep-b", Set.of(Actor.SALES));
    private static final Actor MANAGER = new Actor("manager1", Set.of(Actor.SALES_MANAGERS));

    @Autowired
    OrderAccess access;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;

    @BeforeEach
    void anOrderOfRepA() {
        jdbc.update("insert into customer (id, name, email, version, created_by) values (?, 'Access Pumps', "
                + "'buyer@access.test', 0, 'access-rep-a')", ORDER);
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, status,
                    sales_stage, currency, discount_percent, total, revision, version, created_at)
                values (?, ?, ?, 'Access Pumps', 'buyer@access.test', 'access-rep-a', 'OPEN', 'WON', 'EUR', 0, 100, 1,
                    0, now())""", ORDER, "SO-ACCESS-" + ORDER, ORDER);
    }

    @Test
    void theOwnerAndTheSeeAllGroupsMayReadIt() {
        assertThatCode(() -> access.checkReadable(ORDER, OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> access.checkReadable(ORDER, MANAGER)).doesNotThrowAnyException();
        assertThat(access.mayRead(ORDER, OWNER)).isTrue();
        assertThat(access.mayRead(ORDER, MANAGER)).isTrue();
    }

    @Test
    void forAnotherRepItIsAsUnknownAsAnIdThatDoesNotExist() {
        assertThatThrownBy(() -> access.checkReadable(ORDER, OTHER_REP)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.checkReadable(ORDER + 1, OWNER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.readable(ORDER, OTHER_REP)).isInstanceOf(NotFoundException.class);
        assertThat(access.mayRead(ORDER, OTHER_REP)).isFalse();
        assertThat(access.mayRead(ORDER + 1, OWNER)).isFalse();
    }

    @Test
    void theCheckReadsTheOwnerWithoutLoadingTheOrder() {
        access.checkReadable(ORDER, OWNER);
        access.mayRead(ORDER, MANAGER);

        assertThat(entityManager.unwrap(Session.class).getStatistics().getEntityCount())
                .as("entities loaded by the checks").isZero();
    }
}
