package com.orderflow.webhook;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

    List<Subscriber> findByActiveTrue();

    List<Subscriber> findAllByOrderByIdAsc();
}
