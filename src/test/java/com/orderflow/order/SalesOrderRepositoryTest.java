package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.ContextConfiguration;

import com.orderflow.support.TestInfrastructure;

/** The order mapping against the Flyway schema on real PostgreSQL (ddl-auto=validate). */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestInfrastructure.class)
@Import(OrderNumbers.class)
class SalesOrderRepositoryTest {

    @Autowired
    SalesOrderRepository orders;
    @Autowired
    CustomerRepository customers;
    @Autowired
    OrderNumbers numbers;
    @Autowired
    InvoiceRepository invoices;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    EntityManager entityManager;

    @Test
    void anOrderIsStoredWithItsLinesInOrderAndItsContract() {
        SalesOrder saved = orders.saveAndFlush(order("SO-2026-900001"));
        entityManager.clear();

        SalesOrder loaded = orders.findWithDetailsById(saved.getId()).orElseThrow();
        assertThat(loaded.lineItems()).extracting(LineItem::sku).containsExactly("A", "B");
        assertThat(loaded.getTotal()).isEqualByComparingTo("250.00");
        assertThat(loaded.getContract().toTerms().deliveryDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(orders.findByOrderNumber("SO-2026-900001")).isPresent();
    }

    @Test
    void everyChangeMovesTheVersionAndOrderNumbersAreUnique() {
        SalesOrder saved = orders.saveAndFlush(order("SO-2026-900002"));
        long version = saved.getVersion();
        saved.changeDiscount(BigDecimal.ONE);
        orders.flush();
        assertThat(saved.getVersion()).isEqualTo(version + 1);

        assertThat(numbers.next()).isLessThan(numbers.next());
        assertThatThrownBy(() -> orders.saveAndFlush(order("SO-2026-900002")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** Every job of a modification runs these; Hibernate must not translate them to SQL anew each time. */
    @Test
    void theQueriesOfTheWorkflowJobsAreTranslatedOnce() {
        long orderId = orders.saveAndFlush(order("SO-2026-900003")).getId();
        Statistics statistics = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        List<Runnable> queries = List.of(() -> orders.findWithDetailsById(orderId),
                () -> invoices.findByOrderIdOrderById(orderId), () -> deliveries.findByOrderIdOrderById(orderId));
        for (Runnable query : queries) {
            query.run();
            entityManager.clear();
            long hits = statistics.getQueryPlanCacheHitCount();
            query.run();
            assertThat(statistics.getQueryPlanCacheHitCount()).as("query plan cache hits").isGreaterThan(hits);
        }
    }

    private SalesOrder order(String number) {
        Customer customer = customers.save(new Customer("Slice Ltd", "buyer@slice.test", null, null, null, null, "sales1"));
        return new SalesOrder(number, customer, "sales1", "EUR", BigDecimal.ZERO,
                List.of(new LineItem("A", "Pump", 1, new BigDecimal("200.00")),
                        new LineItem("B", "Valve", 2, new BigDecimal("25.00"))),
                new ContractTerms(30, LocalDate.of(2027, 1, 31), 12, null), Instant.now());
    }
}
