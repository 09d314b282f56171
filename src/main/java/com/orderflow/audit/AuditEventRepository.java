package com.orderflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Deliberately no delete or update: the trail is append-only. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByOrderIdOrderByIdAsc(Long orderId);

    Optional<AuditEvent> findFirstByOrderIdAndActionAndDetailsOrderByIdAsc(Long orderId, String action,
            String details);
}
