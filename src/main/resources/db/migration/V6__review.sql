-- The periodic review of closed orders (定期审查): one row per run, and what it found.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

create sequence closed_order_review_seq start with 1 increment by 50;
create sequence review_finding_seq start with 1 increment by 50;

create table closed_order_review (
    id                      bigint primary key,
    triggered_by            varchar(16) not null,
    started_by              varchar(64),
    status                  varchar(16) not null,
    process_instance_id     varchar(64),
    started_at              timestamp with time zone not null,
    completed_at            timestamp with time zone,
    orders_scanned          bigint not null,
    finding_count           bigint not null,
    stored_finding_count    integer not null,
    invoice_mismatch_count  bigint not null,
    reissue_overdue_count   bigint not null,
    request_stuck_count     bigint not null,
    missing_contract_count  bigint not null,
    undelivered_count       bigint not null,
    pdf_report_id           bigint,
    csv_report_id           bigint,
    version                 bigint not null
);
create index closed_order_review_started_idx on closed_order_review (started_at);

-- Findings kept for the sales managers' task; a very large review keeps the first ones up to a cap
-- (orderflow.review.stored-findings) and the CSV report holds every finding.
create table review_finding (
    id           bigint primary key,
    review_id    bigint not null references closed_order_review (id),
    order_id     bigint not null references sales_order (id),
    order_number varchar(32) not null,
    owner        varchar(64) not null,
    kind         varchar(32) not null,
    detail       varchar(500) not null,
    severity     numeric(19, 2) not null,
    status       varchar(16) not null,
    decided_by   varchar(64),
    decided_at   timestamp with time zone
);
create index review_finding_review_idx on review_finding (review_id, id);
create index review_finding_order_idx on review_finding (review_id, order_id);
