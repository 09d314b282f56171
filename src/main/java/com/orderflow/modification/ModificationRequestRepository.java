package com.orderflow.modification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ModificationRequestRepository extends JpaRepository<ModificationRequest, Long> {

    /** Query strings throughout: Hibernate caches their translation, a derived query's it does again on every call. */
    @Query("select r from ModificationRequest r where r.orderId = :orderId order by r.id desc")
    List<ModificationRequest> findByOrderIdOrderByIdDesc(@Param("orderId") Long orderId);

    /** The request an order-modification instance works on: the link orderflow stored when it started it. */
    @Query("select r.id from ModificationRequest r where r.processInstanceId = :processInstanceId")
    Optional<Long> findIdByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    @Query("select r.requester from ModificationRequest r where r.processInstanceId = :processInstanceId")
    Optional<String> findRequesterByProcessInstanceId(@Param("processInstanceId") String processInstanceId);
}
