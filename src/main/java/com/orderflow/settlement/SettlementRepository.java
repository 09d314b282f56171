package com.orderflow.settlement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SettlementRepository extends JpaRepository<Settlement, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Settlement s where s.orderId = :orderId and s.status = 'OPEN'")
    Optional<Settlement> lockOpenOf(@Param("orderId") Long orderId);

    /** Settling locks the row: of two finance users at once, the second finds it settled. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Settlement s where s.processInstanceId = :instanceId")
    Optional<Settlement> lockByProcessInstanceId(@Param("instanceId") String instanceId);

    /** Query strings throughout: Hibernate caches their translation, a derived query's it does again on every call. */
    @Query("select s from Settlement s where s.processInstanceId = :instanceId")
    Optional<Settlement> findByProcessInstanceId(@Param("instanceId") String processInstanceId);

    @Query("select s from Settlement s where s.orderId = :orderId order by s.id desc")
    List<Settlement> findByOrderIdOrderByIdDesc(@Param("orderId") Long orderId);
}
