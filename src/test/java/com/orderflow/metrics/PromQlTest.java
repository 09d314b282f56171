package com.orderflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsOfAQueryAndNothingElse() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, group) (rate("
                + "orderflow_approval_lead_time_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("orderflow_approval_lead_time_seconds_bucket");
        assertThat(PromQl.metricNames("max without (instance) (orderflow_emails_pending) / on() group_left"
                + " sum(increase(orderflow_emails_sent_total[1h])) > bool 0.5e3"))
                .containsExactly("orderflow_emails_pending", "orderflow_emails_sent_total");
        assertThat(PromQl.metricNames("sum(orderflow_portal_live_streams{job=\"a{b}\"}) or vector(0)"))
                .containsExactly("orderflow_portal_live_streams");
    }
}
