package com.orderflow.order;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Next value of {@code order_number_seq}, in the SQL of whichever database runs (PostgreSQL or H2). */
@Component
class OrderNumbers {

    private final EntityManager entityManager;
    private final String nextValueSql;

    OrderNumbers(EntityManager entityManager, jakarta.persistence.EntityManagerFactory factory) {
        this.entityManager = entityManager;
        this.nextValueSql = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("order_number_seq");
    }

    long next() {
        return ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue();
    }
}
