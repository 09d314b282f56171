package com.orderflow.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the periodic review of closed orders ({@code orderflow.review.*}).
 *
 * @param cron            when the review runs, as a Camunda (Quartz-style) cron with seconds;
 *                        default every Monday at 08:00 in the server's time zone
 * @param reissueOverdue  an invoice in NEEDS_REISSUE longer than this is a finding (default P7D)
 * @param stuckAfter      a modification request SUBMITTED or IN_APPROVAL (unchanged) longer than this is a finding (default P3D)
 * @param pageSize        closed orders read per query (default 500)
 * @param storedFindings  findings kept in the database and shown in the task (default 1000); the CSV has all
 * @param worstCases      worst cases per kind listed in the PDF (default 10)
 */
@ConfigurationProperties("orderflow.review")
public record ReviewProperties(String cron, Duration reissueOverdue, Duration stuckAfter, Integer pageSize,
        Integer storedFindings, Integer worstCases) {

    public ReviewProperties {
        cron = cron == null || cron.isBlank() ? "0 0 8 ? * MON" : cron.trim();
        reissueOverdue = reissueOverdue == null ? Duration.ofDays(7) : reissueOverdue;
        stuckAfter = stuckAfter == null ? Duration.ofDays(3) : stuckAfter;
        pageSize = pageSize == null || pageSize < 1 ? 500 : pageSize;
        storedFindings = storedFindings == null || storedFindings < 0 ? 1000 : storedFindings;
        worstCases = worstCases == null || worstCases < 1 ? 10 : worstCases;
    }
}
