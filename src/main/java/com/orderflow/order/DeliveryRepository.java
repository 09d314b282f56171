package com.orderflow.order;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    List<Delivery> findByOrderIdOrderById(Long orderId);

    Optional<Delivery> findByIdAndOrderId(Long id, Long orderId);
}
