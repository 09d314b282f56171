package com.orderflow.order;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/** Next value of {@code order_number_seq} (PostgreSQL, the one database orderflow runs on). */
@Component
class OrderNumbers {

    private final EntityManager entityManager;

    OrderNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long next() {
        return ((Number) entityManager.createNativeQuery("SELECT nextval('order_number_seq')").getSingleResult())
                .longValue();
    }
}
