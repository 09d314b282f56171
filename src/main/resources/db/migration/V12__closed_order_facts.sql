-- The facts of every closed order that the periodic review checks, published by the owners of the tables
-- they come from (named in Java by com.orderflow.order.ClosedOrderFacts), so that the review reads neither
-- those tables nor their status strings. One row per closed order. The two times say since when an
-- invoice awaiting reissue, or a modification request in approval, has been waiting too long: that is the
-- reader's rule, not a fact of the order.
--
-- A SQL function, not a view, for those two parameters. It is STABLE, not STRICT and a single SELECT, so
-- PostgreSQL inlines it into the calling query: a caller's "where order_id > ? order by order_id limit ?"
-- reads the primary key in order and computes the subqueries of one page only, exactly as the query
-- written against the tables did. Its body is parsed when created (begin atomic): PostgreSQL then refuses
-- to drop a column it reads or to change that column's type, so a migration that must do so re-creates
-- the function in the same step instead of leaving the review to fail when it next runs.
create function closed_order_facts(awaiting_reissue_before timestamp with time zone,
        in_approval_before timestamp with time zone)
    returns table (
        order_id bigint,
        order_number varchar,
        owner varchar,
        currency varchar,
        total numeric,
        -- InvoicedBalance.SQL: the invoices that are not void, less the credit notes against them.
        invoiced numeric,
        open_settlements bigint,
        -- Invoices in NEEDS_REISSUE since before awaiting_reissue_before, and the oldest of those times.
        invoices_awaiting_reissue bigint,
        awaiting_reissue_since timestamp with time zone,
        -- Modification requests SUBMITTED or IN_APPROVAL, unchanged since before in_approval_before.
        requests_in_approval bigint,
        in_approval_since timestamp with time zone,
        contracts bigint,
        -- Deliveries and returns still SCHEDULED.
        scheduled_deliveries bigint)
    language sql
    stable
begin atomic
    select o.id, o.order_number, o.owner, o.currency, o.total,
        (select coalesce(sum(i.amount - i.credited), 0) from invoice i where i.order_id = o.id and i.status <> 'VOID'),
        (select count(*) from settlement s where s.order_id = o.id and s.status = 'OPEN'),
        (select count(*) from invoice i where i.order_id = o.id and i.status = 'NEEDS_REISSUE'
            and i.status_changed_at < awaiting_reissue_before),
        (select min(i.status_changed_at) from invoice i where i.order_id = o.id and i.status = 'NEEDS_REISSUE'
            and i.status_changed_at < awaiting_reissue_before),
        (select count(*) from modification_request r where r.order_id = o.id
            and r.status in ('SUBMITTED', 'IN_APPROVAL') and r.updated_at < in_approval_before),
        (select min(r.updated_at) from modification_request r where r.order_id = o.id
            and r.status in ('SUBMITTED', 'IN_APPROVAL') and r.updated_at < in_approval_before),
        (select count(*) from contract c where c.order_id = o.id),
        (select count(*) from delivery d where d.order_id = o.id and d.status = 'SCHEDULED')
    from sales_order o
    where o.status = 'CLOSED';
end;
