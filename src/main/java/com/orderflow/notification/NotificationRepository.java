package com.orderflow.notification;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** No delete: the notifications are the record of what was mailed. */
interface NotificationRepository extends Repository<Notification, Long> {

    Notification save(Notification notification);

    List<Notification> findByOrderIdOrderByIdAsc(Long orderId);

    List<Notification> findByEventKeyOrderByIdAsc(String eventKey);

    @Query("select n.id from Notification n where n.eventKey = :eventKey and n.state = com.orderflow.notification.NotificationState.PENDING order by n.id")
    List<Long> findPendingIds(@Param("eventKey") String eventKey);

    /** Locks the row while it is sent, so two nodes retrying the same event cannot both mail it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(@Param("id") Long id);
}
