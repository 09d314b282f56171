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

    /** Query strings throughout: Hibernate caches their translation, a derived query's it does again on every call. */
    @Query("select n from Notification n where n.orderId = :orderId order by n.id")
    List<Notification> findByOrderIdOrderByIdAsc(@Param("orderId") Long orderId);

    @Query("select n from Notification n where n.orderId = :orderId order by n.id desc")
    List<Notification> findByOrderIdOrderByIdDesc(@Param("orderId") Long orderId, Limit limit);

    @Query("select n from Notification n where n.eventKey = :eventKey order by n.id")
    List<Notification> findByEventKeyOrderByIdAsc(@Param("eventKey") String eventKey);

    /**
     * Locks the event's rows while its emails are sent, so two nodes retrying the same event cannot both
     * mail them: the second waits, then finds them SENT. Ordered by id so lockers never cross.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.eventKey = :eventKey order by n.id")
    List<Notification> lockEvent(@Param("eventKey") String eventKey);

    void flush();
}
