-- The progress of every modification request, published by modification for the order page's live
-- updates (com.orderflow.order.web.LiveStates), so that the order page reads neither modification's
-- tables nor how it counts decisions. One row per request. A view is always inlined into the query that
-- reads it, so the live tick stays one statement over the watched orders' requests; and PostgreSQL
-- refuses to drop or retype a column the view reads until a migration re-creates it.
create view request_progress as
    select r.order_id, r.id as request_id, r.status, r.round,
        (select count(*) from modification_approval a where a.request_id = r.id) as decisions
    from modification_request r;
