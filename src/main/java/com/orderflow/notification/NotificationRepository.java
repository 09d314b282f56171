package com.orderflow.notification;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** No delete: the notifications are the record of what was mailed. */
interface NotificationRepository extends Repository<Notification, Long> {

    Notification save(Notification notification);

    List<Notification> findByOrderIdOrderByIdAsc(Long orderId);

    List<Notification> findByOrderIdOrderByIdDesc(Long orderId, Limit limit);

    List<Notification> findByEventKeyOrderByIdAsc(String eventKey);

    /**
     * Locks the event's rows while its emails are sent, so two nodes retrying the same event cannot both
     * mail them: the second waits, then finds them SENT. Ordered by id so lockers never cross.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.eventKey = :eventKey order by n.id")
    List<Notification> lockEvent(@Param("eventKey") String eventKey);

    void flush();
}
