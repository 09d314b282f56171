package com.orderflow.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReportRepository extends JpaRepository<Report, Long> {

    /** A query string, whose translation Hibernate caches: a derived query is translated on every call. */
    @Query("select r from Report r where r.dedupKey = :dedupKey")
    Optional<Report> findByDedupKey(@Param("dedupKey") String dedupKey);

    @Query("select r from Report r where r.orderId = :orderId order by r.id")
    List<Report> findByOrderIdOrderByIdAsc(@Param("orderId") Long orderId);

    @Query("""
            select new com.orderflow.report.ReportSummary(r.id, r.type, r.fileName, r.contentType, r.sizeBytes,
                r.createdAt, r.requestId, r.revision)
            from Report r where r.orderId = :orderId order by r.id""")
    List<ReportSummary> summariesForOrder(Long orderId);
}
