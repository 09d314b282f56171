package com.orderflow.bench;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.support.Await;

/**
 * Waits until the job executor has no job due (the emails, reports and webhooks a run left behind), so that
 * what is measured next does not share the cores with the previous run's work.
 */
final class IdleEngine {

    private IdleEngine() {
    }

    static void await(JdbcTemplate jdbc) {
        Await.until("the engine is idle", Duration.ofMinutes(5),
                () -> jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and duedate_ is null",
                        Long.class) == 0);
    }
}
