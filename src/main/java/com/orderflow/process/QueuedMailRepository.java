package com.orderflow.process;

import org.springframework.data.jpa.repository.JpaRepository;

interface QueuedMailRepository extends JpaRepository<QueuedMail, String> {
}
