package com.orderflow.lifecycle;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LifecycleRequestRepository extends JpaRepository<LifecycleRequest, Long> {

    @Query("select r from LifecycleRequest r where r.processInstanceId = :processInstanceId")
    Optional<LifecycleRequest> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);
}
