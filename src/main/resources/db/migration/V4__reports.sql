-- Stored reports (PDF, CSV): written once, downloaded many times, never changed.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode); H2 reads bytea as BINARY VARYING.

create sequence report_seq start with 1 increment by 50;

create table report (
    id           bigint primary key,
    type         varchar(32) not null,
    -- A retried job must find the report it already wrote: one row per key,
    -- e.g. modification-<requestId> or closing-<orderId>-r<revision>.
    dedup_key    varchar(200) not null unique,
    order_id     bigint references sales_order (id),
    request_id   bigint,
    review_id    bigint,
    revision     integer,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea not null,
    size_bytes   bigint not null,
    created_at   timestamp with time zone not null
);
create index report_order_idx on report (order_id, id);
