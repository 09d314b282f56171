package com.orderflow.modification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ModificationRequestRepository extends JpaRepository<ModificationRequest, Long> {

    List<ModificationRequest> findByOrderIdOrderByIdDesc(Long orderId);
}
